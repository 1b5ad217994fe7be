// Adds to package "sync" (exports `natives`, merged by lib/registry.ts with lib/sync.ts):
// RWMutex, with Go's writer preference. A writer first takes the inner writer lock (a second
// writer waits there, as `sync.Mutex.Lock`), then announces itself: from then on new RLocks
// wait (`sync.RWMutex.RLock`) and the writer waits (`sync.RWMutex.Lock`) only for the readers
// already inside. Unlock admits every reader that queued meanwhile before the next writer.
// State lives outside the Go value, keyed by the RWMutex StructValue (lib/decls.ts).
import type { Native, NativeCtx } from './native.ts';
import type { Iface, Pointer, StructValue } from '../values.ts';
import type { Goroutine } from '../runtime/scheduler.ts';
import { Queue } from '../runtime/queue.ts';
import { pointerTo } from './errors.ts';
import { schedOf } from './timer.ts';

interface RWState {
  /** The inner writer lock is held (by the writer that is waiting or writing). */
  wLocked: boolean;
  /** Writers waiting for the inner lock, each handed it in turn. */
  writers: Queue<Goroutine>;
  /** A writer has announced itself (waiting for readers to leave, or writing). */
  writing: boolean;
  /** Readers inside the lock. */
  readers: number;
  /** Readers the announced writer still waits for, and that writer. */
  readerWait: number;
  writer: Goroutine | null;
  /** Readers that arrived after a writer announced itself. */
  blockedReaders: Goroutine[];
}

const states = new WeakMap<StructValue, RWState>();
function stateOf(p: Pointer<StructValue>): RWState {
  const s = p.load();
  let st = states.get(s);
  if (!st) {
    st = { wLocked: false, writers: new Queue(), writing: false, readers: 0, readerWait: 0, writer: null, blockedReaders: [] };
    states.set(s, st);
  }
  return st;
}

function* rlock(ctx: NativeCtx, p: Pointer<StructValue>): Generator<unknown, void, unknown> {
  const st = stateOf(p);
  if (!st.writing) { st.readers++; return; }
  const sched = schedOf(ctx);
  st.blockedReaders.push(sched.current);
  yield* sched.park('sync.RWMutex.RLock', p);
}

function runlock(ctx: NativeCtx, p: Pointer<StructValue>): void {
  const st = stateOf(p);
  if (st.readers <= 0) ctx.fatal('sync: RUnlock of unlocked RWMutex');
  st.readers--;
  if (st.writer !== null && --st.readerWait === 0) {
    const w = st.writer;
    st.writer = null;
    schedOf(ctx).ready(w);
  }
}

function* lock(ctx: NativeCtx, p: Pointer<StructValue>): Generator<unknown, void, unknown> {
  const st = stateOf(p);
  const sched = schedOf(ctx);
  if (st.wLocked) {
    st.writers.push(sched.current);
    // Unlock hands the inner lock over, so when this returns it is ours.
    yield* sched.park('sync.Mutex.Lock', p);
  } else {
    st.wLocked = true;
  }
  st.writing = true;
  if (st.readers > 0) {
    st.readerWait = st.readers;
    st.writer = sched.current;
    yield* sched.park('sync.RWMutex.Lock', p);
  }
}

function unlock(ctx: NativeCtx, p: Pointer<StructValue>): void {
  const st = stateOf(p);
  if (!st.writing || st.writer !== null) ctx.fatal('sync: Unlock of unlocked RWMutex');
  st.writing = false;
  const sched = schedOf(ctx);
  const admitted = st.blockedReaders;
  st.blockedReaders = [];
  st.readers += admitted.length;
  for (const g of admitted) sched.ready(g);
  const next = st.writers.shift();
  if (next) sched.ready(next);
  else st.wLocked = false;
}

export const natives: Record<string, Native> = {
  'sync.RWMutex.RLock': rlock,
  'sync.RWMutex.RUnlock': runlock,
  'sync.RWMutex.Lock': lock,
  'sync.RWMutex.Unlock': unlock,
  'sync.RWMutex.TryRLock': (_ctx: NativeCtx, p: Pointer<StructValue>) => {
    const st = stateOf(p);
    if (st.writing) return false;
    st.readers++;
    return true;
  },
  'sync.RWMutex.TryLock': (_ctx: NativeCtx, p: Pointer<StructValue>) => {
    const st = stateOf(p);
    if (st.wLocked || st.readers > 0) return false;
    st.wLocked = true;
    st.writing = true;
    return true;
  },
  // rlocker's underlying type is RWMutex: the same variable, seen through a Locker.
  'sync.RWMutex.RLocker': (ctx: NativeCtx, p: Pointer<StructValue>) =>
    ({ t: pointerTo(ctx.typeOf('sync.rlocker')), v: p }) satisfies Iface,
  'sync.rlocker.Lock': rlock,
  'sync.rlocker.Unlock': runlock,
};
