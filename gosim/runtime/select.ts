// Go's select statement. Operands are evaluated by the caller (once, in source order); this
// picks a ready case uniformly at random with the seeded PRNG, takes default when nothing is
// ready, or parks on every channel until the first case fires.
import { Objects, FOOTPRINT_POLL, type Pending } from './footprint.ts';
import type { Scheduler } from './scheduler.ts';
import { Channel, SelectWait, Waiter } from './chan.ts';
import { plainPanic } from './rterror.ts';

export interface SelectCase {
  ch: Channel | null;
  send: boolean;
  value: unknown;
}

export interface SelectResult {
  /** Index of the chosen case; -1 for default. */
  index: number;
  value: unknown;
  ok: boolean;
}

/**
 * The case a select takes without waiting: one of the ready cases, uniformly at random from the
 * seeded PRNG, or -1 when none is ready. Shared by select() and the compiler's fast path, so
 * both consume the same random draws and a seed replays a run either way.
 */
export function pickReady(sched: Scheduler, cases: readonly SelectCase[]): number {
  if (sched.explore !== null) return pickExplored(sched, cases);
  let nReady = 0;
  let chosen = -1;
  // Reservoir sampling: a uniform choice among ready cases without building a list.
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.ch === null) continue;
    if (c.send ? c.ch.canSend() : c.ch.canRecv()) {
      nReady++;
      if (nReady === 1 || Math.floor(sched.random() * nReady) === 0) chosen = i;
    }
  }
  readyCount = nReady;
  return chosen;
}

/** How many cases the last pickReady found ready (for the monitor). */
let readyCount = 0;

/** pickReady in explore mode: the explorer chooses among the ready cases. */
function pickExplored(sched: Scheduler, cases: readonly SelectCase[]): number {
  const ready: number[] = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.ch !== null && (c.send ? c.ch.canSend() : c.ch.canRecv())) ready.push(i);
  }
  readyCount = ready.length;
  if (ready.length === 0) return -1;
  return ready.length === 1 ? ready[0]! : ready[sched.choose(ready.length)]!;
}

/** Explore mode: a select as a goroutine stopped before it (Scheduler.pickExplored). */
function selectPending(cases: readonly SelectCase[], hasDefault: boolean): Pending {
  const recv: Channel[] = [];
  const send: Channel[] = [];
  for (const c of cases) if (c.ch !== null) (c.send ? send : recv).push(c.ch);
  const reason = cases.length === 0 ? 'select (no cases)' : cases.length > 1 ? 'select' : cases[0]!.send ? 'chan send' : 'chan receive';
  return {
    recv, send, reason, select: true,
    blocked: () => {
      if (hasDefault) return false;
      for (const c of cases) if (c.ch !== null && (c.send ? c.ch.canSend() : c.ch.canRecv())) return false;
      return true;
    },
  };
}

/** What a case taken by takeReady received. */
export const taken = { value: undefined as unknown, ok: false };

/**
 * The whole of a select that does not wait: picks a ready case (pickReady) and does its
 * operation; -1 when none is ready. A receive leaves its value in `taken`. In explore mode it
 * returns -2 when the goroutine must first offer a switch: the caller then runs select().
 */
export function takeReady(sched: Scheduler, cases: readonly SelectCase[], gate = true, hasDefault = true): number {
  if (gate && sched.explore !== null && !sched.enter(new Objects(cases.map((c) => c.ch)), FOOTPRINT_POLL, selectPending(cases, hasDefault))) return -2;
  const chosen = pickReady(sched, cases);
  if (chosen < 0) return -1;
  const c = cases[chosen]!;
  const ch = c.ch!;
  if (c.send) {
    ch.sendNow(c.value);
    taken.value = undefined;
    taken.ok = true;
  } else {
    ch.recvNow();
    taken.value = ch.got;
    taken.ok = ch.gotOk;
    if (!taken.ok && sched.explore !== null && cases.every((k) => !k.send)) sched.explore.tookClosed();
  }
  const m = sched.monitor;
  if (m !== null) m.select(sched.current, cases.map((k) => k.ch), chosen, readyCount);
  return chosen;
}

/** `entered`: takeReady already passed explore mode's scheduling point and found nothing ready. */
export function* select(sched: Scheduler, cases: SelectCase[], hasDefault: boolean, entered = false): Generator<unknown, SelectResult, unknown> {
  if (sched.explore !== null && !entered) yield* sched.point(new Objects(cases.map((c) => c.ch)), FOOTPRINT_POLL, selectPending(cases, hasDefault));
  const chosen = takeReady(sched, cases, false);
  if (chosen >= 0) return { index: chosen, value: taken.value, ok: taken.ok };
  const m = sched.monitor;
  if (hasDefault) {
    if (m !== null) m.select(sched.current, cases.map((k) => k.ch), -1, 0);
    return { index: -1, value: undefined, ok: false };
  }
  const g = sched.current;
  let any = false;
  for (const c of cases) if (c.ch !== null) { any = true; break; }
  if (!any) {
    // A one-case select is a plain channel operation, and blocks as one.
    const reason = cases.length === 0 ? 'select (no cases)' : cases.length === 1 ? (cases[0]!.send ? 'chan send (nil chan)' : 'chan receive (nil chan)') : 'select';
    yield* sched.park(reason, null);
    return { index: -1, value: undefined, ok: false };
  }
  if (sched.explore !== null) sched.explore.blocked(new Objects(cases.map((c) => c.ch)));
  const sel = new SelectWait(g, cases);
  const waiters: (Waiter | null)[] = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.ch === null) { waiters.push(null); continue; }
    const w = new Waiter(g, c.value, sel, i);
    waiters.push(w);
    c.ch.enqueue(c.send, w);
  }
  yield* sched.park(cases.length === 1 ? (cases[0]!.send ? 'chan send' : 'chan receive') : 'select', sel);
  for (let i = 0; i < cases.length; i++) {
    const w = waiters[i];
    if (w && i !== sel.index) cases[i]!.ch!.dequeue(cases[i]!.send, w);
  }
  if (m !== null) m.select(g, cases.map((k) => k.ch), sel.index, 0);
  const fired = waiters[sel.index]!;
  if (cases[sel.index]!.send && fired.closed) throw plainPanic('send on closed channel');
  return { index: sel.index, value: sel.value, ok: sel.ok };
}
