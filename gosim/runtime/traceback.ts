// Crash text as Go's runtime prints it: one goroutine's traceback, every goroutine's (a deadlock
// or a fatal error), and an unrecovered panic's report (`panic: ` with the value's Error or
// String method, or its plain text, then the panicking goroutine's traceback). The scheduler
// calls these when a program ends abnormally.
import type { Iface } from './values.ts';
import { GoPanic, type FrameSnapshot, type GoFatal } from './panic.ts';
import { RuntimePanic } from './rterror.ts';
import { PARK, drive } from './calling.ts';
import { snapshotStack, type Goroutine } from './goroutine.ts';
import { waitFrames } from './libframes.ts';
import { panicValueText } from './print.ts';
import type { Program } from './program.ts';
import type { Scheduler } from './scheduler.ts';

/**
 * Go prints every goroutine in a crash; past this much text (thousands of goroutines) gosim
 * says how many it left out instead, so a deadlock of 100k goroutines stays quick and small.
 */
const MAX_TRACEBACK_CHARS = 256 * 1024;
const omitted = (n: number): string => `\n...${n} more goroutine${n === 1 ? '' : 's'} not shown (gosim prints the first ${MAX_TRACEBACK_CHARS / 1024} KB of tracebacks)\n`;

/**
 * A goroutine's traceback: the library frames given (those of a fatal error inside a native),
 * or else those Go shows above a goroutine waiting for `g.waitReason`, then the program's own.
 */
export function goroutineTraceback(g: Goroutine, libFrames?: FrameSnapshot[]): string {
  return traceback(g, [...(libFrames ?? (g.state === 'waiting' ? waitFrames[g.waitReason] ?? [] : [])), ...snapshotStack(g)]);
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

/** The tracebacks of every live goroutine, by id (a deadlock). */
export function allTracebacks(s: Scheduler): string {
  let out = '';
  const gs = [...s.live.values()].sort((a, b) => a.id - b.id);
  for (let i = 0; i < gs.length; i++) {
    if (out.length > MAX_TRACEBACK_CHARS) return out + omitted(gs.length - i);
    out += '\n' + goroutineTraceback(gs[i]!);
  }
  return out;
}

/** `fatal error: ...` and the tracebacks Go prints with it: `g`'s first when it was running. */
export function fatalText(s: Scheduler, e: GoFatal, g: Goroutine): string {
  let out = e.preamble + `fatal error: ${e.msg}\n`;
  if (e.msg === 'stack overflow') {
    out += '\nruntime stack:\nruntime.throw({0x0?, 0x0?})\n\t/usr/local/go/src/runtime/panic.go:1229\n'
      + 'runtime.newstack()\n\t/usr/local/go/src/runtime/stack.go:1207\nruntime.morestack()\n\t/usr/local/go/src/runtime/asm_amd64.s:681\n';
  }
  if (!e.allGoroutines) return out;
  const cur = g.state === 'running' ? g : null;
  if (cur) out += '\n' + goroutineTraceback(cur, e.libFrames);
  const others = [...s.live.values()].filter((h) => h !== cur).sort((a, b) => a.id - b.id);
  for (let i = 0; i < others.length; i++) {
    if (out.length > MAX_TRACEBACK_CHARS) return out + omitted(others.length - i);
    out += '\n' + goroutineTraceback(others[i]!);
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

function panicText(p: Program | null, e: GoPanic): string {
  if (e instanceof RuntimePanic) return e.message;
  const v = e.value;
  if (v === null) return 'panic called with nil argument';
  const err = p === null ? null : callSync(p, v, 'Error');
  if (err !== null) return err;
  const str = p === null ? null : callSync(p, v, 'String');
  if (str !== null) return str;
  return panicValueText(v);
}

/**
 * The report of a panic nobody recovered, raised in goroutine `g` of program `p` (null when Go
 * code runs without one, as in the runtime's own tests: then no method is called).
 */
export function describePanic(p: Program | null, e: GoPanic, g: Goroutine): string {
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
  const frames = [...e.libFrames, ...(e.stack.length ? e.stack : snapshotStack(g))];
  out += '\n' + traceback(g, frames, true);
  return out;
}
