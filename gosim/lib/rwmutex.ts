// Adds to package "sync" (exports `natives`, merged by lib/registry.ts with lib/sync.ts):
// RWMutex, with Go's writer preference. A writer first takes the inner writer lock (a second
// writer waits there, as `sync.Mutex.Lock`), then announces itself: from then on new RLocks
// wait (`sync.RWMutex.RLock`) and the writer waits (`sync.RWMutex.Lock`) only for the readers
// already inside. Unlock admits every reader that queued meanwhile before the next writer.
// State lives outside the Go value, keyed by the RWMutex StructValue (lib/decls.ts).
//
// Also here, for want of a file of their own in this helper's paths: sync.Map and sync.Pool
// (see the end of the file).
import type { GoFunc, Native, NativeCtx } from '../runtime/native.ts';
import type { Iface, Pointer, StructValue } from '../runtime/values.ts';
import type { Goroutine } from '../runtime/goroutine.ts';
import { Queue } from '../runtime/queue.ts';
import { pointerTo } from './errors.ts';
import { ifaceEq, mapKeyFn } from '../runtime/ops.ts';
import { emptyInterface } from '../types/universe.ts';
import { schedOf } from './timer.ts';
import { MAP_ENTRY, SLOT, alloc, free } from '../runtime/memory.ts';

/** An RWMutex's state; a class so that a run's trace can tell an RWMutex from a Mutex. */
export class RWMutexState {
  /** The inner writer lock is held (by the writer that is waiting or writing). */
  wLocked = false;
  /** Writers waiting for the inner lock, each handed it in turn. */
  readonly writers = new Queue<Goroutine>();
  /** A writer has announced itself (waiting for readers to leave, or writing). */
  writing = false;
  /** Readers inside the lock. */
  readers = 0;
  /** Readers the announced writer still waits for, and that writer. */
  readerWait = 0;
  writer: Goroutine | null = null;
  /** Readers that arrived after a writer announced itself. */
  blockedReaders: Goroutine[] = [];
}
type RWState = RWMutexState;

const states = new WeakMap<StructValue, RWState>();
function stateOf(p: Pointer<StructValue>): RWState {
  const s = p.load();
  let st = states.get(s);
  if (!st) {
    st = new RWMutexState();
    states.set(s, st);
  }
  return st;
}

/**
 * Explore mode: whether RLock or Lock would only wait now, changing nothing but a queue. (A Lock
 * that takes the inner lock and then waits for readers has already shut new readers out.)
 */
export function rwWaits(p: Pointer<StructValue> | null, write: boolean): boolean {
  if (p === null) return false;
  const st = stateOf(p);
  return write ? st.wLocked : st.writing;
}

function* rlock(ctx: NativeCtx, p: Pointer<StructValue>): Generator<unknown, void, unknown> {
  const st = stateOf(p);
  const sched = schedOf(ctx);
  if (!st.writing) {
    st.readers++;
    const m = sched.monitor;
    if (m !== null) m.lock(st, sched.current, 'rlock');
    return;
  }
  st.blockedReaders.push(sched.current);
  // Unlock admits this reader (and tells the monitor) before it runs again.
  yield* sched.park('sync.RWMutex.RLock', st);
}

function runlock(ctx: NativeCtx, p: Pointer<StructValue>): void {
  const st = stateOf(p);
  if (st.readers <= 0) ctx.fatal('sync: RUnlock of unlocked RWMutex');
  st.readers--;
  const m = ctx.sched.monitor;
  if (m !== null) m.unlock(st, ctx.sched.current, 'runlock');
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
    yield* sched.park('sync.Mutex.Lock', st);
  } else {
    st.wLocked = true;
  }
  st.writing = true;
  if (st.readers > 0) {
    st.readerWait = st.readers;
    st.writer = sched.current;
    yield* sched.park('sync.RWMutex.Lock', st);
  }
  // The monitor hears of the write lock once the writer holds it, readers gone.
  const m = sched.monitor;
  if (m !== null) m.lock(st, sched.current, 'lock');
}

function unlock(ctx: NativeCtx, p: Pointer<StructValue>): void {
  const st = stateOf(p);
  if (!st.writing || st.writer !== null) ctx.fatal('sync: Unlock of unlocked RWMutex');
  st.writing = false;
  const sched = schedOf(ctx);
  const m = sched.monitor;
  if (m !== null) m.unlock(st, sched.current, 'unlock');
  const admitted = st.blockedReaders;
  st.blockedReaders = [];
  st.readers += admitted.length;
  if (m !== null) for (const g of admitted) m.lock(st, g, 'rlock');
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
  'sync.RWMutex.TryRLock': (ctx: NativeCtx, p: Pointer<StructValue>) => {
    const st = stateOf(p);
    if (st.writing) return false;
    st.readers++;
    const m = ctx.sched.monitor;
    if (m !== null) m.lock(st, ctx.sched.current, 'rlock');
    return true;
  },
  'sync.RWMutex.TryLock': (ctx: NativeCtx, p: Pointer<StructValue>) => {
    const st = stateOf(p);
    if (st.wLocked || st.readers > 0) return false;
    st.wLocked = true;
    st.writing = true;
    const m = ctx.sched.monitor;
    if (m !== null) m.lock(st, ctx.sched.current, 'lock');
    return true;
  },
  // rlocker's underlying type is RWMutex: the same variable, seen through a Locker.
  'sync.RWMutex.RLocker': (ctx: NativeCtx, p: Pointer<StructValue>) =>
    ({ t: pointerTo(ctx.typeOf('sync.rlocker')), v: p }) satisfies Iface,
  'sync.rlocker.Lock': rlock,
  'sync.rlocker.Unlock': runlock,
};

// ---------------------------------------------------------------- sync.Map and sync.Pool
//
// A sync.Map keeps its entries in a JS Map keyed as the runtime keys map[any]any (so an
// unhashable key panics as in Go), in insertion order: Go's Range order is unspecified, and a
// deterministic one is a fine instance of it. A Pool is a LIFO stack of the values Put into it;
// Go may drop pooled values at any GC, gosim never does.

type Entries = Map<unknown, [Iface | null, Iface | null]>;
const mapStates = new WeakMap<StructValue, Entries>();
const anyKey = mapKeyFn(emptyInterface);

function entries(p: Pointer<StructValue>): Entries {
  const s = p.load();
  let m = mapStates.get(s);
  if (!m) { m = new Map(); mapStates.set(s, m); }
  return m;
}

type M = Pointer<StructValue>;
type V = Iface | null;
const syncMap: Record<string, Native> = {
  'sync.Map.Load': (_c: NativeCtx, p: M, k: V) => {
    const e = entries(p).get(anyKey(k));
    return e ? [e[1], true] : [null, false];
  },
  'sync.Map.Store': (_c: NativeCtx, p: M, k: V, v: V) => { store(entries(p), anyKey(k), k, v); },
  'sync.Map.LoadOrStore': (_c: NativeCtx, p: M, k: V, v: V) => {
    const m = entries(p), key = anyKey(k), e = m.get(key);
    if (e) return [e[1], true];
    store(m, key, k, v);
    return [v, false];
  },
  'sync.Map.LoadAndDelete': (_c: NativeCtx, p: M, k: V) => {
    const m = entries(p), key = anyKey(k), e = m.get(key);
    if (!e) return [null, false];
    if (m.delete(key)) free(MAP_ENTRY);
    return [e[1], true];
  },
  'sync.Map.Delete': (_c: NativeCtx, p: M, k: V) => { if (entries(p).delete(anyKey(k))) free(MAP_ENTRY); },
  'sync.Map.Swap': (_c: NativeCtx, p: M, k: V, v: V) => {
    const m = entries(p), key = anyKey(k), e = m.get(key);
    store(m, key, k, v);
    return e ? [e[1], true] : [null, false];
  },
  'sync.Map.CompareAndSwap': (_c: NativeCtx, p: M, k: V, old: V, v: V) => {
    const m = entries(p), key = anyKey(k), e = m.get(key);
    if (!e || !ifaceEq(e[1], old)) return false;
    m.set(key, [k, v]);
    return true;
  },
  'sync.Map.CompareAndDelete': (_c: NativeCtx, p: M, k: V, old: V) => {
    const m = entries(p), key = anyKey(k), e = m.get(key);
    if (!e || !ifaceEq(e[1], old)) return false;
    if (m.delete(key)) free(MAP_ENTRY);
    return true;
  },
  'sync.Map.Range': function* (_c: NativeCtx, p: M, f: GoFunc) {
    // Live iteration: entries stored during Range may be visited, deleted ones are not.
    for (const [k, v] of entries(p).values()) {
      if ((yield* f(k, v)) === false) return;
    }
  },
  'sync.Map.Clear': (_c: NativeCtx, p: M) => { const m = entries(p); free(m.size * MAP_ENTRY); m.clear(); },
};

/** An entry stored, a new one counted against the memory budget (as a map's). */
function store(m: Entries, key: unknown, k: V, v: V): void {
  const n = m.size;
  m.set(key, [k, v]);
  if (m.size !== n) alloc(MAP_ENTRY);
}

const pools = new WeakMap<StructValue, V[]>();
const syncPool: Record<string, Native> = {
  'sync.Pool.Get': function* (_c: NativeCtx, p: M) {
    const s = p.load();
    const items = pools.get(s);
    if (items && items.length > 0) return items.pop()!;
    const newFn = s[1] as GoFunc | null;
    return newFn ? yield* newFn() : null;
  },
  'sync.Pool.Put': (_c: NativeCtx, p: M, x: V) => {
    if (x === null) return;
    const s = p.load();
    let items = pools.get(s);
    if (!items) { items = []; pools.set(s, items); }
    alloc(SLOT);
    items.push(x);
  },
};

Object.assign(natives, syncMap, syncPool);
