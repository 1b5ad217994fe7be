// What runs: a compiled function's static facts (FuncInfo), one call of it (Frame), a goroutine
// and its explore-mode state, a timer and the heap that orders pending timers, and snapshots of
// a goroutine's frames as crash text and traces print them.
import { GoFatal, type FrameSnapshot, type GoPanic } from './panic.ts';
import type { Park, Waiter } from './chan.ts';
import type { Pending } from './footprint.ts';
import { ElemPtr, ValuePtr, ptrEq } from './ops.ts';

/** Static facts about one compiled Go function, shared by all its calls. */
export class FuncInfo {
  constructor(readonly name: string, readonly file: string, readonly hasParams = true, readonly declLine = 0) {}
}

/** One active call of a Go function: its slots, where it is, and its deferred calls. */
export class Frame {
  line = 0;
  /** Deferred calls, last one first to run at the end; null until the first defer. */
  defers: (() => Generator<unknown, unknown, unknown>)[] | null = null;
  /** This call was made by the deferred-call machinery (so recover() may work in it). */
  deferred = false;
  constructor(
    readonly fn: FuncInfo,
    readonly caller: Frame | null,
    readonly depth: number,
    public s: unknown[],
  ) {}
}

export type GState = 'runnable' | 'running' | 'waiting' | 'dead';

/**
 * Explore mode: a Go function value that starts quietly (compile/quiet.ts) knows the code it runs
 * and the variables it captured (compile/func.ts); a go statement's thunk of such a function, the
 * function and its arguments (compile/call.ts).
 */
export interface StartedFunc {
  code?: unknown;
  caps?: unknown[] | null;
  start?: { f: unknown; args: readonly unknown[] };
}

/**
 * What a goroutine running f(args) starts as: its code, the variables its closure captured and
 * its arguments. Two goroutines that start alike are interchangeable until one of them begins a
 * visible operation: the explorer lets the one created first begin first (Scheduler.findTwin).
 */
export function startOf(f: unknown, args: readonly unknown[]): unknown[] {
  const h = f as StartedFunc;
  const out: unknown[] = [h.code];
  if (h.caps) for (const c of h.caps) out.push(c);
  for (const a of args) out.push(a);
  return out;
}

/**
 * Whether two starts (startOf) are the same: the same code, the very same variables, and
 * arguments that are equal numbers, strings or booleans, the same object, or pointers to the
 * same place (`&wg` makes a new pointer each time it is evaluated).
 */
export function sameStart(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (Object.is(x, y)) continue;
    if ((x instanceof ValuePtr || x instanceof ElemPtr) && y instanceof x.constructor && ptrEq(x, y)) continue;
    return false;
  }
  return true;
}

/** Explore mode: a goroutine started by a go statement of a function that starts quietly (compile/quiet.ts). */
export class Twin {
  /** It has begun its first visible operation, or ended without one. */
  started = false;
  /** The goroutine created before it that started alike and had not begun then: it waits for it. */
  prev: Goroutine | null = null;
  /** The goroutine that waits for it. */
  next: Goroutine | null = null;
  /** What it started as (startOf). */
  constructor(readonly start: readonly unknown[]) {}
}

export class Goroutine {
  state: GState = 'runnable';
  waitReason = '';
  blockedOn: unknown = null;
  /** Value for the generator's next resume (what park() returns). */
  wake: unknown = undefined;
  /** Innermost active Go frame. */
  top: Frame | null = null;
  /** The panic whose deferred calls are running now (recover() looks here). */
  panicking: GoPanic | null = null;
  /** Set by the defer machinery just before it calls a deferred function. */
  callingDeferred = false;
  /** Where a parked goroutine blocked, captured when it parked (for leaks). */
  blockedAt: FrameSnapshot | null = null;
  /** The goroutine's active generators: its body at the bottom, the running Go call on top. */
  stack: Generator<unknown, unknown, unknown>[] = [];
  /** Reused for its plain channel sends and receives (chan.ts). */
  waiter: Waiter | null = null;
  /** Reused for the blocking part of its plain sends and receives (chan.ts). */
  park: Park | null = null;
  /**
   * Explore mode: inside a library call that was itself the turn's scheduling point, so the
   * channel operations the library does for it (a timer's drain) are part of it, not new points.
   */
  inLibraryOp = false;
  /** Explore mode: it stopped at a scheduling point (SWITCH), just before a visible operation. */
  atPoint = false;
  /** Explore mode: that operation, when the scheduler may hold it back while it would only wait. */
  pending: Pending | null = null;
  /** Explore mode: what it started as, when a go statement started it with a function that starts quietly (Scheduler.findTwin). */
  twin: Twin | null = null;
  /**
   * Explore mode: a panic (or fatal error) ended this goroutine after a visible operation in the
   * same turn; the crash it brings is a move of its own (Scheduler.run), so that goroutines the
   * operation let go can run first, as they can in Go while the panic is being reported.
   */
  crash: { readonly stderr: string; readonly panicked: boolean } | null = null;
  /**
   * Above zero while a call that ran out of JS stack as plain calls is redone through generators
   * (compile/call.ts): every call beneath it then takes the generator path too.
   */
  plainOff = 0;
  /**
   * The deepest its stack has been (at least 1): a call beyond it counts its frame (memory.ts).
   * Go calls compare their depth with this rather than with maxStackDepth, so that counting the
   * stack costs nothing per call, only once per depth first reached.
   */
  stackLimit = 1;
  /** What its frames beyond the first were counted as; given back when it ends. */
  stackBytes = 0;
  constructor(
    readonly id: number,
    readonly createdAt: FrameSnapshot | null,
    readonly createdIn: number,
  ) {}
}

export class Timer {
  active = true;
  /** Explore mode: the timer's firing as a move of the search (Scheduler.moverOf). */
  mover: Goroutine | null = null;
  constructor(
    readonly when: number,
    readonly seq: number,
    readonly fire: () => void,
    readonly keepsAlive: (() => boolean) | null,
  ) {}
}

export function stackOverflow(_limit: number): GoFatal {
  return new GoFatal('stack overflow', true, 'runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc020160398 stack=[0xc020160000, 0xc040160000]\n');
}

export function snapshotTop(g: Goroutine): FrameSnapshot | null {
  const f = g.top;
  return f ? { func: f.fn.name, file: f.fn.file, line: f.line, noArgs: !f.fn.hasParams } : null;
}

export function snapshotStack(g: Goroutine): FrameSnapshot[] {
  const out: FrameSnapshot[] = [];
  for (let f = g.top; f; f = f.caller) out.push({ func: f.fn.name, file: f.fn.file, line: f.line, noArgs: !f.fn.hasParams });
  return out;
}

/** The timer heap: pending timers ordered by when they are due, then by when they were set. */
function less(a: Timer, b: Timer): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}

export function heapPush(h: Timer[], t: Timer): void {
  h.push(t);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(h[i]!, h[p]!)) break;
    [h[i], h[p]] = [h[p]!, h[i]!];
    i = p;
  }
}

export function heapPop(h: Timer[]): Timer | undefined {
  if (h.length === 0) return undefined;
  const top = h[0];
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < h.length && less(h[l]!, h[m]!)) m = l;
      if (r < h.length && less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
  return top;
}
