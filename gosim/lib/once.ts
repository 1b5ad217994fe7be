// Adds to package "sync" (exports `natives`, merged by lib/registry.ts with lib/sync.ts): Once,
// OnceFunc, OnceValue, OnceValues. The first caller runs f; callers that arrive while f runs
// wait (as Go's do on the Once's mutex: `sync.Mutex.Lock`) until it returns; an f that panics
// still counts as done. OnceFunc and friends re-panic with f's panic value on every later call.
import type { GoFunc, Native, NativeCtx } from '../runtime/native.ts';
import type { Iface, Pointer, StructValue } from '../runtime/values.ts';
import type { Goroutine } from '../runtime/goroutine.ts';
import { schedOf } from './timer.ts';
import { GoPanic } from '../runtime/panic.ts';

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
function* doOnce(ctx: NativeCtx, st: OnceState, body: () => Generator<unknown, unknown, unknown>): Generator<unknown, void, unknown> {
  if (st.phase === 'done') return;
  const sched = schedOf(ctx);
  if (st.phase === 'running') {
    st.waiters.push(sched.current);
    yield* sched.park('sync.Mutex.Lock', st);
    return;
  }
  st.phase = 'running';
  const runner = sched.current;
  const m = sched.monitor;
  if (m !== null) m.lock(st, runner, 'lock');
  try {
    yield* body();
  } finally {
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
    yield* doOnce(ctx, st, function* () {
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
    yield* doOnce(ctx, st, function* () {
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
