// Compiled Go functions: frames, parameters, results, defer/recover, and the call protocol
// every Go function follows (a generator function called with `yield*`).
import type { GoFunc } from '../lib/native.ts';
import { Frame, FuncInfo, PREEMPT, stackOverflow, snapshotStack, type Goroutine, type Scheduler } from '../runtime/scheduler.ts';
import { GoExit, GoPanic } from '../runtime/panic.ts';
import { Box } from '../runtime/ops.ts';
import { panicFrame } from '../runtime/libframes.ts';
import type { S, Gen } from './code.ts';

export interface FuncShape {
  info: FuncInfo;
  nslots: number;
  /** Slots receiving the captured boxes (closures), then the parameters. */
  ncaps: number;
  paramSlots: number[];
  paramBoxed: boolean[];
  resultSlots: number[];
  resultBoxed: boolean[];
  resultZero: (() => unknown)[];
  hasDefer: boolean;
  body: S;
}

export function* runDefers(g: Goroutine, fr: Frame, thrown: GoPanic | GoExit | null): Gen<GoPanic | GoExit | null> {
  const ds = fr.defers;
  while (ds !== null && ds.length > 0) {
    const d = ds.pop()!;
    const saved = g.panicking;
    g.panicking = thrown instanceof GoPanic ? thrown : null;
    try {
      g.callingDeferred = true;
      yield* d();
    } catch (e) {
      if (!(e instanceof GoPanic || e instanceof GoExit)) throw e;
      if (e instanceof GoPanic) {
        if (e.stack.length === 0) {
          e.stack = snapshotStack(g);
          // Go shows the runtime's panic frame between the deferred call and the panicking frame.
          if (thrown instanceof GoPanic) {
            const i = e.stack.length - fr.depth;
            if (i >= 0 && i <= e.stack.length) e.stack.splice(i, 0, panicFrame);
          }
        }
        if (thrown instanceof GoPanic) {
          if (thrown.recovered && thrown.value === e.value && thrown.value !== null) { e.repanicked = true; e.sigsegv = thrown.sigsegv; }
          else e.previous = thrown;
        }
      }
      thrown = e;
    } finally {
      g.callingDeferred = false;
      g.panicking = saved;
      g.top = fr;
    }
    if (thrown instanceof GoPanic && thrown.recovered) thrown = null;
  }
  return thrown;
}

function results(sh: FuncShape, fr: Frame): unknown {
  const rs = sh.resultSlots;
  const n = rs.length;
  if (n === 0) return undefined;
  const s = fr.s;
  if (n === 1) return sh.resultBoxed[0] ? (s[rs[0]!] as Box).v : s[rs[0]!];
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = sh.resultBoxed[i] ? (s[rs[i]!] as Box).v : s[rs[i]!];
  return out;
}

/** Builds the GoFunc for a function shape; `caps` are a closure's captured boxes. */
export function makeGoFunc(S: Scheduler, sh: FuncShape, caps: unknown[] | null): GoFunc {
  const maxDepth = S.opts.maxStackDepth;
  const { nslots, paramSlots, paramBoxed, resultSlots, resultBoxed, resultZero, hasDefer, body, info } = sh;
  const np = paramSlots.length, nr = resultSlots.length;
  const bs = body.s, bg = body.g, bl = body.line ?? 0;
  return function* (...args: unknown[]): Gen {
    const g = S.current;
    const top = g.top;
    const depth = top === null ? 1 : top.depth + 1;
    if (depth > maxDepth) {
      // Go overflows in the callee's prologue: its frame shows the line of its declaration.
      const e = stackOverflow(maxDepth);
      e.libFrames = [{ func: info.name, file: info.file, line: info.declLine, noArgs: np === 0 }];
      throw e;
    }
    const s = new Array<unknown>(nslots);
    if (caps !== null) for (let i = 0; i < caps.length; i++) s[i] = caps[i];
    for (let i = 0; i < np; i++) s[paramSlots[i]!] = paramBoxed[i] ? new Box(args[i]) : args[i];
    for (let i = 0; i < nr; i++) { const z = resultZero[i]!(); s[resultSlots[i]!] = resultBoxed[i] ? new Box(z) : z; }
    const fr = new Frame(info, top, depth, s);
    if (g.callingDeferred) { fr.deferred = true; g.callingDeferred = false; }
    g.top = fr;
    if (++S.steps >= S.preemptAt) yield PREEMPT;
    if (bl) fr.line = bl;
    if (!hasDefer) {
      if (bs !== null) bs(fr); else yield* bg(fr);
      g.top = top;
      return results(sh, fr);
    }
    let thrown: GoPanic | GoExit | null = null;
    try {
      if (bs !== null) bs(fr); else yield* bg(fr);
    } catch (e) {
      if (!(e instanceof GoPanic || e instanceof GoExit)) throw e;
      if (e instanceof GoPanic && e.stack.length === 0) e.stack = snapshotStack(g);
      thrown = e;
    }
    g.top = fr;
    thrown = yield* runDefers(g, fr, thrown);
    g.top = top;
    if (thrown !== null) throw thrown;
    return results(sh, fr);
  };
}
