// Adds to package "sync" (exports `natives`, merged by lib/registry.ts with lib/sync.ts): Cond.
// Wait queues the goroutine, unlocks L, parks as `sync.Cond.Wait` and relocks L once woken;
// Signal wakes the longest waiter, Broadcast all of them, in the order they began to wait.
// The wait queue lives outside the Go value, keyed by the Cond StructValue [L, waiters].
// Like Go's ticket list, a signal that comes between the queueing and the parking (L's Unlock
// can let another goroutine run) is kept for the waiter, which then does not park at all.
import type { Native, NativeCtx } from '../runtime/native.ts';
import type { Iface, Pointer, StructValue } from '../runtime/values.ts';
import type { Goroutine } from '../runtime/goroutine.ts';
import { Queue } from '../runtime/queue.ts';
import { newPointer } from './errors.ts';
import { schedOf } from './timer.ts';

/** One Wait: its goroutine, and whether a Signal or Broadcast has already picked it. */
interface Ticket { g: Goroutine; signaled: boolean }

const queues = new WeakMap<StructValue, Queue<Ticket>>();
function queueOf(p: Pointer<StructValue>): Queue<Ticket> {
  const s = p.load();
  let q = queues.get(s);
  if (!q) { q = new Queue(); queues.set(s, q); }
  return q;
}

function* callLocker(ctx: NativeCtx, l: Iface | null, name: 'Lock' | 'Unlock'): Generator<unknown, void, unknown> {
  if (l === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const m = ctx.method(l, name);
  if (m) yield* m();
}

/** A ticket's goroutine is woken if it parked already; otherwise it will not park. */
function wake(ctx: NativeCtx, t: Ticket): void {
  t.signaled = true;
  if (t.g.state === 'waiting' && t.g.waitReason === 'sync.Cond.Wait') schedOf(ctx).ready(t.g);
}

export const natives: Record<string, Native> = {
  'sync.NewCond': (ctx: NativeCtx, l: Iface | null) => {
    void ctx;
    return newPointer<StructValue>([l, 0]);
  },
  'sync.Cond.Wait': function* (ctx: NativeCtx, p: Pointer<StructValue>) {
    const sched = schedOf(ctx);
    const s = p.load();
    const t: Ticket = { g: sched.current, signaled: false };
    queueOf(p).push(t);
    s[1] = (s[1] as number) + 1;
    yield* callLocker(ctx, s[0] as Iface | null, 'Unlock');
    // Parked on its wait queue: the one object that stands for this Cond in a run's trace.
    if (!t.signaled) yield* sched.park('sync.Cond.Wait', queueOf(p));
    yield* callLocker(ctx, s[0] as Iface | null, 'Lock');
  },
  'sync.Cond.Signal': (ctx: NativeCtx, p: Pointer<StructValue>) => {
    const t = queueOf(p).shift();
    if (t) {
      const s = p.load();
      s[1] = (s[1] as number) - 1;
      wake(ctx, t);
    }
  },
  'sync.Cond.Broadcast': (ctx: NativeCtx, p: Pointer<StructValue>) => {
    const q = queueOf(p);
    p.load()[1] = 0;
    for (let t = q.shift(); t; t = q.shift()) wake(ctx, t);
  },
};

