// sync.WaitGroup and sync.Mutex: the blocking core the other sync types build on. Their state
// lives outside the Go value, keyed by the struct's identity (lib/decls.ts conventions).
import type { NativeCtx, NativePackage, GoFunc } from './native.ts';
import type { Pointer } from '../values.ts';
import type { Goroutine } from '../runtime/scheduler.ts';
import { Queue } from '../runtime/queue.ts';
import { GoPanic } from '../runtime/panic.ts';
import { negativeWaitGroupFrames } from '../runtime/libframes.ts';

interface WaitGroupState { count: number; waiters: Goroutine[] }
interface MutexState { locked: boolean; waiters: Queue<Goroutine> }

const wgs = new WeakMap<object, WaitGroupState>();
const mus = new WeakMap<object, MutexState>();

function target(ctx: NativeCtx, p: Pointer | null): object {
  if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return p.load() as object;
}

function wgState(ctx: NativeCtx, p: Pointer | null): WaitGroupState {
  const k = target(ctx, p);
  let s = wgs.get(k);
  if (!s) { s = { count: 0, waiters: [] }; wgs.set(k, s); }
  return s;
}

export function mutexState(ctx: NativeCtx, p: Pointer | null): MutexState {
  const k = target(ctx, p);
  let s = mus.get(k);
  if (!s) { s = { locked: false, waiters: new Queue() }; mus.set(k, s); }
  return s;
}

function add(ctx: NativeCtx, wg: Pointer | null, delta: number, viaDone = false): void {
  const s = wgState(ctx, wg);
  s.count += delta;
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

export function* lock(ctx: NativeCtx, m: Pointer | null): Generator<unknown, void, unknown> {
  const s = mutexState(ctx, m);
  if (!s.locked) { s.locked = true; return; }
  s.waiters.push(ctx.sched.current);
  yield* ctx.sched.park('sync.Mutex.Lock', s);
}

export function unlock(ctx: NativeCtx, m: Pointer | null): void {
  const s = mutexState(ctx, m);
  if (!s.locked) ctx.fatal('sync: unlock of unlocked mutex');
  const next = s.waiters.shift();
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
      return true;
    },
  },
};

export { GoPanic };
