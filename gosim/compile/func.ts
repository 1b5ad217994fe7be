// Compiled Go functions: frames, parameters, results, defer/recover, and the call protocol
// every Go function follows (a generator function called with `yield*`).
import type { GoFunc } from '../runtime/native.ts';
import { PREEMPT, handOff } from '../runtime/calling.ts';
import { Frame, FuncInfo, stackOverflow, snapshotStack, type Goroutine } from '../runtime/goroutine.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import { GoExit, GoFatal, GoPanic } from '../runtime/panic.ts';
import { Box } from '../runtime/ops.ts';
import { panicFrame } from '../runtime/libframes.ts';
import { DEFER } from '../runtime/memory.ts';
import { pending, type S, type Gen } from './code.ts';
import type { StartedFunc } from '../runtime/goroutine.ts';

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
  /** What the parameters and results moved to the heap (captured and changed) cost per call; 0 for most. */
  boxes: number;
  /** Bytes of structs and arrays in its frame when they are big (memory.ts's BIG_VALUE), else 0. */
  frameBytes: number;
  /** Explore mode: it starts quietly (quiet.ts), so goroutines running it may be searched as twins. */
  quiet: boolean;
}

export function* runDefers(S: Scheduler, g: Goroutine, fr: Frame, thrown: GoPanic | GoExit | null): Gen<GoPanic | GoExit | null> {
  const ds = fr.defers;
  while (ds !== null && ds.length > 0) {
    const d = ds.pop()!;
    S.free(DEFER);
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

/**
 * The start of every call: checks the depth budget, makes the callee's frame (captures,
 * parameters, zeroed results) and makes it the goroutine's top frame. The caller keeps `top`.
 */
function enter(S: Scheduler, sh: FuncShape, caps: unknown[] | null, args: unknown[], g: Goroutine, top: Frame | null): Frame {
  const depth = top === null ? 1 : top.depth + 1;
  if (depth > g.stackLimit) {
    if (depth > S.opts.maxStackDepth) {
      // Go overflows in the callee's prologue: its frame shows the line of its declaration.
      const e = stackOverflow(S.opts.maxStackDepth);
      e.libFrames = [{ func: sh.info.name, file: sh.info.file, line: sh.info.declLine, noArgs: sh.paramSlots.length === 0 }];
      throw e;
    }
    S.growStack(g, sh.nslots);
  }
  const { nslots, paramSlots, paramBoxed, resultSlots, resultBoxed, resultZero } = sh;
  const s = new Array<unknown>(nslots);
  if (caps !== null) for (let i = 0; i < caps.length; i++) s[i] = caps[i];
  if (sh.boxes > 0) S.alloc(sh.boxes);
  for (let i = 0; i < paramSlots.length; i++) s[paramSlots[i]!] = paramBoxed[i] ? new Box(args[i]) : args[i];
  for (let i = 0; i < resultSlots.length; i++) { const z = resultZero[i]!(); s[resultSlots[i]!] = resultBoxed[i] ? new Box(z) : z; }
  const fr = new Frame(sh.info, top, depth, s);
  g.top = fr;
  return fr;
}

/** Builds the GoFunc for a function shape; `caps` are a closure's captured boxes. */
export function makeGoFunc(S: Scheduler, sh: FuncShape, caps: unknown[] | null): GoFunc {
  const f = sh.frameBytes === 0 ? goFunc(S, sh, caps) : bigFrame(S, sh, goFunc(S, sh, caps));
  if (sh.quiet) startCode(f, sh, caps);
  return f;
}

/** A function whose frame holds big values: counted against the memory budget while the call lasts. */
function bigFrame(S: Scheduler, sh: FuncShape, f: GoFunc): GoFunc {
  const bytes = sh.frameBytes;
  return function* (...args: unknown[]): Gen {
    allocFrame(S, sh);
    try {
      return yield* f(...args);
    } finally {
      S.free(bytes);
    }
  };
}

/** Explore mode: what a goroutine started with f begins as (Scheduler.go: startOf). */
function startCode(f: GoFunc, sh: FuncShape, caps: unknown[] | null): void {
  const h = f as StartedFunc;
  h.code = sh;
  h.caps = caps;
}

/** Count a big frame before the call starts; when it does not fit, Go fails in the callee's prologue, as for a stack overflow. */
function allocFrame(S: Scheduler, sh: FuncShape): void {
  try {
    S.alloc(sh.frameBytes);
  } catch (e) {
    if (e instanceof GoFatal) e.libFrames = [{ func: sh.info.name, file: sh.info.file, line: sh.info.declLine, noArgs: sh.paramSlots.length === 0 }];
    throw e;
  }
}

function goFunc(S: Scheduler, sh: FuncShape, caps: unknown[] | null): GoFunc {
  const { hasDefer, body } = sh;
  const bs = body.s, bf = body.f, bg = body.g, bl = body.line ?? 0;
  return function* (...args: unknown[]): Gen {
    const g = S.current;
    const top = g.top;
    const fr = enter(S, sh, caps, args, g, top);
    if (g.callingDeferred) { fr.deferred = true; g.callingDeferred = false; }
    if (++S.steps >= S.preemptAt) yield PREEMPT;
    if (bl) fr.line = bl;
    let thrown: GoPanic | GoExit | null = null;
    try {
      if (bs !== null) bs(fr);
      else if (bf !== undefined) {
        // Through the fast path: synchronously until a statement must park, and that part on
        // top of the goroutine's stack rather than beneath this generator (see PUSH).
        const q = bf(fr);
        if (q !== undefined && pending(q)) yield handOff(q);
      } else yield* bg(fr);
    } catch (e) {
      if (!hasDefer || !(e instanceof GoPanic || e instanceof GoExit)) throw e;
      if (e instanceof GoPanic && e.stack.length === 0) e.stack = snapshotStack(g);
      thrown = e;
    }
    if (!hasDefer) {
      g.top = top;
      return results(sh, fr);
    }
    g.top = fr;
    thrown = yield* runDefers(S, g, fr, thrown);
    g.top = top;
    if (thrown !== null) throw thrown;
    return results(sh, fr);
  };
}

/** A plain function (plain.ts): called directly, returning its result. */
export type PlainFunc = (...args: unknown[]) => unknown;

/**
 * The plain version of a function whose body compiled to a sync statement (plain.ts): the same
 * frame, steps and results as makeGoFunc's, without a generator. It cannot yield, so when its
 * goroutine's quantum is used up it only checks the budgets (Scheduler.plainQuantum).
 */
export function makePlainFunc(S: Scheduler, sh: FuncShape): PlainFunc {
  const f = plainFunc(S, sh);
  if (sh.frameBytes === 0) return f;
  const bytes = sh.frameBytes;
  return (...args: unknown[]): unknown => {
    allocFrame(S, sh);
    try {
      return f(...args);
    } finally {
      S.free(bytes);
    }
  };
}

function plainFunc(S: Scheduler, sh: FuncShape): PlainFunc {
  const bs = sh.body.s!, bl = sh.body.line ?? 0;
  return (...args: unknown[]): unknown => {
    const g = S.current;
    const top = g.top;
    const fr = enter(S, sh, null, args, g, top);
    if (++S.steps >= S.preemptAt) S.plainQuantum();
    if (bl) fr.line = bl;
    bs(fr);
    g.top = top;
    return results(sh, fr);
  };
}
