// sync.WaitGroup and sync.Mutex: the blocking core the other sync types build on. Their state
// lives outside the Go value, keyed by the struct's identity (lib/decls.ts conventions).
import type { NativeCtx, NativePackage, GoFunc } from '../runtime/native.ts';
import type { Pointer } from '../runtime/values.ts';
import type { Goroutine } from '../runtime/goroutine.ts';
import { Queue } from '../runtime/queue.ts';
import { GoPanic } from '../runtime/panic.ts';
import { negativeWaitGroupFrames } from '../runtime/libframes.ts';

/** A WaitGroup's counter and waiters; a class so that a run's trace can tell what it is. */
export class WaitGroupState {
  count = 0;
  waiters: Goroutine[] = [];
}
/** A Mutex's state (a class for the same reason). */
export class MutexState {
  locked = false;
  readonly waiters = new Queue<Goroutine>();
}

const wgs = new WeakMap<object, WaitGroupState>();
const mus = new WeakMap<object, MutexState>();

function target(ctx: NativeCtx, p: Pointer | null): object {
  if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return p.load() as object;
}

function wgState(ctx: NativeCtx, p: Pointer | null): WaitGroupState {
  const k = target(ctx, p);
  let s = wgs.get(k);
  if (!s) { s = new WaitGroupState(); wgs.set(k, s); }
  return s;
}

export function mutexState(ctx: NativeCtx, p: Pointer | null): MutexState {
  const k = target(ctx, p);
  let s = mus.get(k);
  if (!s) { s = new MutexState(); mus.set(k, s); }
  return s;
}

function add(ctx: NativeCtx, wg: Pointer | null, delta: number, viaDone = false): void {
  const s = wgState(ctx, wg);
  s.count += delta;
  const m = ctx.sched.monitor;
  if (m !== null) m.waitGroup(s, delta, s.count);
  if (s.count < 0) {
    const p = new GoPanic(errorValue(ctx, 'sync: negative WaitGroup counter'));
    p.libFrames = negativeWaitGroupFrames(viaDone);
    throw p;
  }
  if (s.count === 0 && s.waiters.length > 0) {
    const ws = s.waiters;
    s.waiters = [];
    for (const g of ws) ctx.sched.ready(g);
  }
}

/** A plain string panic value, as the sync package panics with. */
function errorValue(ctx: NativeCtx, msg: string): { t: import('../types/types.ts').Type; v: unknown } {
  void ctx;
  return { t: stringType, v: msg };
}
import { Basic } from '../types/types.ts';
const stringType = new Basic('string');

/** Explore mode: whether Lock would only wait now (the mutex is held). */
export function lockWaits(ctx: NativeCtx, p: Pointer | null): boolean {
  return p !== null && mutexState(ctx, p).locked;
}

/** Explore mode: whether Wait would only wait now (the counter is above zero). */
export function waitWaits(ctx: NativeCtx, p: Pointer | null): boolean {
  return p !== null && wgState(ctx, p).count > 0;
}

export function* lock(ctx: NativeCtx, m: Pointer | null): Generator<unknown, void, unknown> {
  const s = mutexState(ctx, m);
  if (!s.locked) {
    s.locked = true;
    const mon = ctx.sched.monitor;
    if (mon !== null) mon.lock(s, ctx.sched.current, 'lock');
    return;
  }
  s.waiters.push(ctx.sched.current);
  // The unlocker hands the mutex over (and tells the monitor) before this goroutine runs again.
  yield* ctx.sched.park('sync.Mutex.Lock', s);
}

export function unlock(ctx: NativeCtx, m: Pointer | null): void {
  const s = mutexState(ctx, m);
  if (!s.locked) ctx.fatal('sync: unlock of unlocked mutex');
  const next = s.waiters.shift();
  const mon = ctx.sched.monitor;
  if (mon !== null) {
    mon.unlock(s, ctx.sched.current, 'unlock');
    if (next) mon.lock(s, next, 'lock');
  }
  // Hand the lock to the first waiter: it stays locked and the waiter wakes holding it.
  if (next) ctx.sched.ready(next);
  else s.locked = false;
}

export const pkg: NativePackage = {
  path: 'sync',
  natives: {
    'sync.WaitGroup.Add': (ctx: NativeCtx, wg: Pointer | null, delta: number | bigint) => add(ctx, wg, Number(delta)),
    'sync.WaitGroup.Done': (ctx: NativeCtx, wg: Pointer | null) => add(ctx, wg, -1, true),
    *'sync.WaitGroup.Wait'(ctx: NativeCtx, wg: Pointer | null) {
      const s = wgState(ctx, wg);
      if (s.count === 0) return;
      s.waiters.push(ctx.sched.current);
      yield* ctx.sched.park('sync.WaitGroup.Wait', s);
    },
    'sync.WaitGroup.Go': (ctx: NativeCtx, wg: Pointer | null, f: GoFunc | null) => {
      add(ctx, wg, 1);
      ctx.sched.go(function* () {
        try {
          if (f === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
          yield* f();
        } finally {
          add(ctx, wg, -1);
        }
      }, []);
    },
    'sync.Mutex.Lock': lock,
    'sync.Mutex.Unlock': unlock,
    'sync.Mutex.TryLock': (ctx: NativeCtx, m: Pointer | null) => {
      const s = mutexState(ctx, m);
      if (s.locked) return false;
      s.locked = true;
      const mon = ctx.sched.monitor;
      if (mon !== null) mon.lock(s, ctx.sched.current, 'lock');
      return true;
    },
  },
};

export { GoPanic };
