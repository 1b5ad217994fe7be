// Adds to package "sync" (exports `natives`, merged by lib/registry.ts with lib/sync.ts): Once,
// OnceFunc, OnceValue, OnceValues. The first caller runs f; callers that arrive while f runs
// wait (as Go's do on the Once's mutex: `sync.Mutex.Lock`) until it returns; an f that panics
// still counts as done. OnceFunc and friends re-panic with f's panic value on every later call.
import type { GoFunc, Native, NativeCtx } from '../runtime/native.ts';
import type { Iface, Pointer, StructValue } from '../runtime/values.ts';
import type { Goroutine } from '../runtime/goroutine.ts';
import { schedOf } from './timer.ts';
import { GoPanic } from '../runtime/panic.ts';
import { FOOTPRINT_RW } from '../runtime/footprint.ts';

/**
 * One Once's progress: 'running' while f runs, with the goroutines that wait for it. A class so
 * that a run's trace can name it; the trace sees running f as holding a lock (Go's Once holds
 * its mutex while f runs), which is what a goroutine that waits for it waits on.
 */
export class OnceState {
  phase: 'new' | 'running' | 'done' = 'new';
  waiters: Goroutine[] = [];
}

function newOnce(): OnceState { return new OnceState(); }

/** Runs body once for st; later and concurrent callers return after it finished. */
function* doOnce(ctx: NativeCtx, st: OnceState, key: object, body: () => Generator<unknown, unknown, unknown>): Generator<unknown, void, unknown> {
  const sched = schedOf(ctx);
  if (st.phase === 'done') {
    // Explore mode: such a Do changes nothing; another like it commutes with it (`key` is what
    // the call touched: the Once's struct, or the state of OnceFunc's Once).
    if (sched.explore !== null) sched.explore.onlyRead(key);
    return;
  }
  if (st.phase === 'running') {
    st.waiters.push(sched.current);
    yield* sched.park('sync.Mutex.Lock', st);
    return;
  }
  st.phase = 'running';
  const runner = sched.current;
  const m = sched.monitor;
  if (m !== null) m.lock(st, runner, 'lock');
  // Explore mode: f is program code, its operations turns of their own, not part of Do's (the
  // flag would make them so: Goroutine.inLibraryOp).
  const inLib = runner.inLibraryOp;
  runner.inLibraryOp = false;
  try {
    yield* body();
  } finally {
    runner.inLibraryOp = inLib;
    if (m !== null) m.unlock(st, runner, 'unlock');
    st.phase = 'done';
    for (const g of st.waiters) sched.ready(g);
    st.waiters = [];
  }
}

const onces = new WeakMap<StructValue, OnceState>();

/** OnceFunc/OnceValue(s): f's results, or its panic replayed, for every call. */
function onceWrapper(ctx: NativeCtx, f: GoFunc): GoFunc {
  const st = newOnce();
  let result: unknown;
  let panicked: { value: Iface | null } | null = null;
  return function* () {
    // Explore mode: the call is a scheduling point touching this Once, as Once.Do is.
    const sched = schedOf(ctx);
    if (sched.explore !== null) yield* sched.point(st, FOOTPRINT_RW);
    yield* doOnce(ctx, st, st, function* () {
      try {
        result = yield* f();
      } catch (e) {
        // Remember f's panic for later calls, and let this one unwind as it is.
        if (e instanceof GoPanic) panicked = ctx.recover?.(e) ?? { value: e.value };
        throw e;
      }
    });
    if (panicked) ctx.panic(panicked.value);
    return result;
  };
}

export const natives: Record<string, Native> = {
  'sync.Once.Do': function* (ctx: NativeCtx, p: Pointer<StructValue>, f: GoFunc | null) {
    const s = p.load();
    let st = onces.get(s);
    if (!st) { st = newOnce(); onces.set(s, st); }
    yield* doOnce(ctx, st, s, function* () {
      try {
        if (f === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
        yield* f();
      } finally {
        s[0] = 1;
      }
    });
  },
  'sync.OnceFunc': (ctx: NativeCtx, f: GoFunc) => onceWrapper(ctx, f),
  'sync.OnceValue': (ctx: NativeCtx, f: GoFunc) => onceWrapper(ctx, f),
  'sync.OnceValues': (ctx: NativeCtx, f: GoFunc) => onceWrapper(ctx, f),
};
