// gosim's public entry: run a Go program (parse, check, compile, execute on the scheduler) and
// return what it printed, its exit status, leaked goroutines and statistics. run() never throws
// and never hangs:
//   - exit 0: main returned; 1: compile errors (`# command-line-arguments` + `./prog.go:L:C: msg`,
//     or the go command's one `prog.go:L:C: msg` for a bad package clause or import) or output
//     budget exceeded; 2: Go panic or fatal error (deadlock, stack overflow, ...);
//   - 124: out of steps or wall time (stdout so far is kept, stderr ends with
//     `timeout running program`, the Go playground's words; 124 as coreutils' timeout);
//   - 3: an internal gosim bug (stderr `gosim internal error: ...`).
import { parseFile } from './parser.ts';
import { checkSource, formatError, lookupLibraryType } from './types/check.ts';
import type * as ast from './ast.ts';
import { Pointer as PointerType, type Info } from './types/types.ts';
import type { Iface } from './values.ts';
import { jsString as decodeUtf8 } from './values.ts';
import { Scheduler, PARK, drive, type Goroutine } from './runtime/scheduler.ts';
import { GoPanic } from './runtime/panic.ts';
import { RuntimePanic, setRuntimeErrorTypes } from './runtime/rterror.ts';
import type { FrameSnapshot } from './runtime/panic.ts';
import { Program } from './compile/program.ts';
import { Compiler } from './compile/compiler.ts';
import { compileProgram } from './compile/entry.ts';
import { panicValueText } from './compile/print.ts';
import { packages } from './lib/registry.ts';
import { waitFrames } from './runtime/libframes.ts';
import type { NativePackage } from './lib/native.ts';
import { seededRandom } from './random.ts';

export interface RunOptions {
  seed?: number;
  filename?: string;
  /** Absolute path printed in tracebacks; default `/tmp/sandbox/<filename>`. */
  sourcePath?: string;
  maxSteps?: number;
  maxWallMs?: number;
  maxGoroutines?: number;
  maxOutputBytes?: number;
  maxStackDepth?: number;
}

export interface Location { func: string; file: string; line: number }

export interface Leak {
  id: number;
  waitReason: string;
  createdAt: Location | null;
  blockedAt: Location;
}

export interface RunStats {
  goroutinesCreated: number;
  maxLiveGoroutines: number;
  channelOps: number;
  virtualTimeNs: number;
  steps: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  leaks: Leak[];
  stats: RunStats;
}

const emptyStats: RunStats = { goroutinesCreated: 0, maxLiveGoroutines: 0, channelOps: 0, virtualTimeNs: 0, steps: 0 };

/** Compile errors as `go build` prints them (without its header line), or [] when the program compiles. */
export function check(source: string, filename = 'prog.go'): string[] {
  const out = buildOutput(source, filename);
  return out === '' ? [] : out.replace(/\n$/, '').split('\n').filter((l) => l !== '# command-line-arguments');
}

/**
 * Exactly what `go build` writes to stderr for the program ('' when it compiles): the header
 * comes only with compile errors, never with the go command's load errors, which check()'s
 * lines can no longer tell apart.
 */
export function buildOutput(source: string, filename = 'prog.go'): string {
  try {
    const r = buildErrors(source, filename);
    return r.kind === 'ok' ? '' : r.stderr;
  } catch (e) {
    return `gosim internal error: ${describe(e)}\n`;
  }
}

type Built =
  | { kind: 'ok'; file: ast.File; info: Info }
  | { kind: 'errors'; stderr: string };

/**
 * Parse and check, and when that fails the text `go build` prints. checkSource merges the
 * parser's branch errors with the type checker's as gc does; the parser's own list is used as
 * it comes when the parser stopped the build (already sorted, and already ending with "too many
 * errors" past ten, so nothing is appended here), and the go command's load errors (bad package
 * clause or import) print alone, without `./` or the `# command-line-arguments` header.
 */
function buildErrors(source: string, filename: string): Built {
  const r = checkSource(source, filename);
  if (r.lines.length === 0 && r.result) return { kind: 'ok', file: r.file, info: r.result.info };
  if (r.result === null) {
    const parsed = parseFile(source, filename);
    if (parsed.stage === 'load') {
      const e = parsed.errors[0]!;
      return { kind: 'errors', stderr: `${filename}:${e.pos.line}:${e.pos.col}: ${e.message}\n` };
    }
    if (parsed.errors.length) {
      const lines = parsed.errors.map((e) => formatError(filename, e));
      return { kind: 'errors', stderr: '# command-line-arguments\n' + lines.join('\n') + '\n' };
    }
  }
  return { kind: 'errors', stderr: (r.header ? '# command-line-arguments\n' : '') + r.lines.join('\n') + '\n' };
}

/**
 * Go's bytes as a JS string. Plain ASCII (nearly all output) is already right; decoding rune by
 * rune builds one rope node per character, gigabytes for a crash that lists 100k goroutines.
 */
function jsString(s: string): string {
  return /[\x80-\xff]/.test(s) ? decodeUtf8(s) : s;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.message}${e.stack ? '\n' + e.stack.split('\n').slice(1, 6).join('\n') : ''}`;
  return String(e);
}

export function run(source: string, options: RunOptions = {}): RunResult {
  return runOnce(source, options).result;
}

/**
 * run(), or null when the JS stack ran out before Go's own depth limit did (library code calling
 * back into Go nests JS frames). Output is only returned, never written, so the caller can run
 * the program again on a thread with a bigger stack, as the CLI does to avoid starting a worker
 * for the programs that fit.
 */
export function runUnlessStackRunsOut(source: string, options: RunOptions = {}): RunResult | null {
  const r = runOnce(source, options);
  return r.jsStackExhausted ? null : r.result;
}

function runOnce(source: string, options: RunOptions): { result: RunResult; jsStackExhausted: boolean } {
  let jsStackExhausted = false;
  const result = runCatching(source, options, (e) => { jsStackExhausted = e; });
  return { result, jsStackExhausted };
}

function runCatching(source: string, options: RunOptions, exhausted: (e: boolean) => void): RunResult {
  const filename = options.filename ?? 'prog.go';
  const path = options.sourcePath ?? `/tmp/sandbox/${filename}`;
  let prog: Program | null = null;
  let sched: Scheduler | null = null;
  try {
    const built = buildErrors(source, filename);
    if (built.kind === 'errors') return { stdout: '', stderr: built.stderr, exitCode: 1, leaks: [], stats: emptyStats };
    const { file, info } = built;
    registerRuntimeTypes();
    sched = new Scheduler({
      random: seededRandom(options.seed ?? 1),
      maxSteps: options.maxSteps ?? 50_000_000,
      maxWallMs: options.maxWallMs ?? 5000,
      maxGoroutines: options.maxGoroutines ?? 1_000_000,
      maxStackDepth: options.maxStackDepth ?? 50_000,
      now: () => Date.now(),
    });
    const pkgs: NativePackage[] = [...packages.values()];
    prog = new Program(sched, pkgs, options.maxOutputBytes ?? 1 << 20);
    const c = new Compiler(file, info, prog, sched, path);
    const entry = compileProgram(c);
    const p = prog;
    const s = sched;
    sched.traceback = (g, lib) => traceback(g, [...(lib ?? (g.state === 'waiting' ? waitFrames[g.waitReason] ?? [] : [])), ...snapshotsOf(g)]);
    sched.describePanic = (e, g) => describePanic(p, s, e, g);
    sched.go(entry, []);
    const outcome = sched.run();
    const stdout = jsString(prog.stdout.join(''));
    let stderr = jsString(prog.stderr.join(''));
    let exitCode: number;
    if (outcome.kind === 'timeout') { stderr += 'timeout running program\n'; exitCode = 124; }
    else { stderr += jsString(outcome.stderr); exitCode = outcome.code; }
    exhausted(sched.jsStackExhausted);
    return { stdout, stderr, exitCode, leaks: leaksOf(sched), stats: statsOf(sched) };
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) exhausted(true);
    const stdout = prog ? jsString(prog.stdout.join('')) : '';
    const stderr = (prog ? jsString(prog.stderr.join('')) : '') + `gosim internal error: ${describe(e)}\n`;
    return { stdout, stderr, exitCode: 3, leaks: [], stats: sched ? statsOf(sched) : emptyStats };
  }
}

let runtimeTypesDone = false;
function registerRuntimeTypes(): void {
  if (runtimeTypesDone) return;
  runtimeTypesDone = true;
  const ta = lookupLibraryType('runtime.TypeAssertionError');
  setRuntimeErrorTypes({
    plain: lookupLibraryType('runtime.plainError'),
    errorString: lookupLibraryType('runtime.errorString'),
    bounds: lookupLibraryType('runtime.boundsError'),
    typeAssert: ta ? new PointerType(ta) : null,
  });
}

function statsOf(s: Scheduler): RunStats {
  return { goroutinesCreated: s.goroutinesCreated, maxLiveGoroutines: s.maxLive, channelOps: s.channelOps, virtualTimeNs: s.now, steps: s.steps };
}

function leaksOf(s: Scheduler): Leak[] {
  const out: Leak[] = [];
  for (const g of s.live.values()) {
    if (g === s.main || g.state !== 'waiting') continue;
    // A parked goroutine's frames stay as they were when it blocked.
    const at = g.blockedAt ?? (g.top ? { func: g.top.fn.name, file: g.top.fn.file, line: g.top.line } : { func: '?', file: '', line: 0 });
    out.push({ id: g.id, waitReason: g.waitReason, createdAt: g.createdAt, blockedAt: at });
  }
  return out.sort((a, b) => a.id - b.id);
}

function snapshotsOf(g: Goroutine): FrameSnapshot[] {
  const out: FrameSnapshot[] = [];
  for (let f = g.top; f; f = f.caller) out.push({ func: f.fn.name, file: f.fn.file, line: f.line, noArgs: !f.fn.hasParams });
  return out;
}

function traceback(g: Goroutine, frames: FrameSnapshot[], running = false): string {
  const reason = running || g.state === 'running' ? 'running' : g.waitReason || 'runnable';
  let out = `goroutine ${g.id} [${reason}]:\n`;
  const fs = frames.filter((f) => !(f.func === 'main.init' && frames.length > 1));
  const line = (f: FrameSnapshot) => `${f.func}(${f.noArgs ? '' : '...'})\n\t${f.file}:${f.line}\n`;
  if (fs.length > 100) {
    // Like Go: the innermost and outermost 50 frames, the rest elided.
    for (const f of fs.slice(0, 50)) out += line(f);
    out += `...${fs.length - 100} frames elided...\n`;
    for (const f of fs.slice(fs.length - 50)) out += line(f);
  } else {
    for (const f of fs) out += line(f);
  }
  if (g.createdAt && g.id !== 1) {
    const by = g.createdIn > 0 ? ` in goroutine ${g.createdIn}` : '';
    out += `created by ${g.createdAt.func}${by}\n\t${g.createdAt.file}:${g.createdAt.line}\n`;
  }
  return out;
}

/** Run a Go method (Error, String) to completion outside the scheduler, for crash messages. */
function callSync(p: Program, x: Iface, name: string): string | null {
  const m = p.method(x, name);
  if (!m) return null;
  try {
    const stack = [m()];
    let r = drive(stack, undefined);
    let n = 0;
    while (!r.done) {
      if (r.value === PARK || ++n > 100000) return null;
      r = drive(stack, undefined);
    }
    return typeof r.value === 'string' ? r.value : null;
  } catch {
    return null;
  }
}

function panicText(p: Program, e: GoPanic): string {
  if (e instanceof RuntimePanic) return e.message;
  const v = e.value;
  if (v === null) return 'panic called with nil argument';
  const err = callSync(p, v, 'Error');
  if (err !== null) return err;
  const str = callSync(p, v, 'String');
  if (str !== null) return str;
  return panicValueText(v);
}

function describePanic(p: Program, s: Scheduler, e: GoPanic, g: Goroutine): string {
  const chain: GoPanic[] = [];
  for (let x: GoPanic | null = e; x; x = x.previous) chain.unshift(x);
  let out = '';
  chain.forEach((x, i) => {
    out += (i === 0 ? 'panic: ' : '\tpanic: ') + panicText(p, x);
    if (x.repanicked) out += ' [recovered, repanicked]';
    else if (x.recovered) out += ' [recovered]';
    out += '\n';
  });
  if (e.sigsegv) out += '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n';
  const frames = [...e.libFrames, ...(e.stack.length ? e.stack : snapshotsOf(g))];
  out += '\n' + traceback(g, frames, true);
  void s;
  return out;
}
