// How a crash report is compared between real Go and gosim. Real Go's report contains values
// that differ from run to run of the same binary (addresses, and the ids of goroutines other
// than main, which come from per-P id caches: verified by running the same binary five times
// and seeing goroutine 7, 19, 4, 22 for the same `go` statement). Those are masked; every
// other part of the report that a learner reads is compared exactly.

export interface Frame {
  /** Function name without arguments, e.g. `main.worker` or `created by main.main in goroutine 1`. */
  func: string;
  /** `file.go:LINE` with the directory and `+0x..` offset removed; '' when the frame has none. */
  loc: string;
}

export interface Goroutine {
  header: string;
  frames: Frame[];
}

export interface CrashReport {
  /** Lines before the first goroutine header: `panic: ...`, `fatal error: ...`, `[signal ...`. */
  head: string[];
  goroutines: Goroutine[];
  /** True when Go printed a runtime-internal report (stack overflow): only main's stack top is comparable. */
  runtimeInternal: boolean;
}

const goroutineHeader = /^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[(.*)\]:$/;

function maskGoroutineId(id: string): string {
  return id === '1' ? '1' : 'N';
}

/** Normalises one line of the head section so run-to-run noise does not count. */
function normaliseHead(line: string): string {
  if (line.startsWith('[signal ')) {
    // The SIGSEGV line ends with a pc that changes with every build; compare up to the
    // faulting address (addr=0x0, or the field offset when a field of a nil pointer is read).
    const i = line.indexOf(' pc=');
    return i >= 0 ? line.slice(0, i) : line;
  }
  if (line.startsWith('runtime: ')) return line.replace(/0x[0-9a-f]+/g, '0x?');
  return line;
}

function parseFrameFunc(line: string): string {
  const created = /^created by (\S+) in goroutine (\d+)$/.exec(line);
  if (created) return `created by ${created[1]} in goroutine ${maskGoroutineId(created[2] ?? '')}`;
  if (line.startsWith('created by ')) return line;
  // `main.f(0x1, {0x4c..?})` or `main.f(...)`: arguments are addresses or elided, not compared.
  const paren = line.lastIndexOf('(');
  return paren > 0 && line.endsWith(')') ? line.slice(0, paren) : line;
}

function parseLoc(line: string): string {
  const m = /^\t(.*?):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=.*)?$/.exec(line);
  if (!m) return line.trim();
  const file = (m[1] ?? '').split('/').pop() ?? '';
  return `${file}:${m[2]}`;
}

export function parseCrash(stderr: string): CrashReport {
  const lines = stderr.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const head: string[] = [];
  const goroutines: Goroutine[] = [];
  let runtimeInternal = false;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (goroutineHeader.test(line)) break;
    if (line === 'runtime stack:') {
      runtimeInternal = true;
      // Skip the runtime's own stack up to the first goroutine.
      while (i < lines.length && !goroutineHeader.test(lines[i] ?? '')) i++;
      break;
    }
    head.push(normaliseHead(line));
  }
  while (head.length > 0 && head[head.length - 1] === '') head.pop();
  let current: Goroutine | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const h = goroutineHeader.exec(line);
    if (h) {
      current = { header: `goroutine ${maskGoroutineId(h[1] ?? '')} [${h[2]}]:`, frames: [] };
      goroutines.push(current);
      continue;
    }
    if (line === '' || current === null) continue;
    if (line.startsWith('\t')) {
      const last = current.frames[current.frames.length - 1];
      if (last && last.loc === '') last.loc = parseLoc(line);
      continue;
    }
    if (/^\.\.\.\d+ frames elided\.\.\.$/.test(line)) continue;
    current.frames.push({ func: parseFrameFunc(line), loc: '' });
  }
  return { head, goroutines, runtimeInternal };
}

/**
 * The part of a crash report that must match: for an ordinary crash, the head and every
 * goroutine with all of its frames; for a runtime-internal report (stack overflow, whose depth
 * depends on frame sizes in the real binary), the head and main's header and innermost frame.
 */
export function comparableCrash(stderr: string): CrashReport {
  const r = parseCrash(stderr);
  if (!r.runtimeInternal) return r;
  const main = r.goroutines.find((g) => g.header.startsWith('goroutine 1 '));
  return {
    head: r.head,
    goroutines: main ? [{ header: main.header, frames: main.frames.slice(0, 1) }] : [],
    runtimeInternal: true,
  };
}

/** Compile errors as `go build` prints them: the whole report, line by line. */
export function compileErrorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '');
}
