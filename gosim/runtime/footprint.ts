// The explorer's view of a run (explore/): the interface the scheduler reports each turn to, the
// visible operation a stopped goroutine waits to do, and the footprint algebra: how a turn
// touches an object (FOOTPRINT_* modes) and which pairs of touches commute or enable each other.
import type { Goroutine } from './goroutine.ts';
import type { NativeCtx } from './native.ts';

/**
 * Drives a run under systematic or random scheduling (explore/): it makes every scheduling
 * choice and is told what each turn touched. A turn ("transition") is one goroutine running from
 * one scheduling point to the next: its first visible operation (channel, select, sync, atomic,
 * timer, output) and the local work after it, up to just before its next visible operation.
 */
export interface Explorer {
  /**
   * Which move (never none) runs the next turn: an index into `runnable`. A move is a goroutine,
   * and with `partners` (explore mode holding blocked goroutines, Scheduler.pickExplored) the
   * held goroutine its operation completes with, or null; a goroutine may then come more than
   * once, with different partners.
   */
  pickGoroutine(runnable: readonly Goroutine[], partners?: readonly (Goroutine | null)[]): number;
  /** A choice among n >= 2 alternatives inside a turn (which ready select case): 0..n-1. */
  pickValue(n: number): number;
  /** The running turn touches `obj`, or each of an Objects' list (FOOTPRINT_DEC: a WaitGroup counter change, which commutes with another). */
  touch(obj: unknown, mode: number): void;
  /**
   * The running turn's channel operation on `obj` (or an Objects) could not complete: the
   * goroutine waits. Waiting commutes with the operation that will complete it.
   */
  blocked(obj: unknown): void;
  /**
   * The running turn ended the program (main returned, a panic, a fatal error, os.Exit) while
   * `pending` goroutines could still have run: whatever they would have done conflicts with it.
   */
  ended(pending: readonly Goroutine[]): void;
  /** The clock moves on (nothing else can run, no timer is due): the turn that follows belongs to the runtime. */
  runtimeTurn(): void;
  /**
   * The running turn's select, all of whose cases receive, took a case whose channel is closed
   * and empty: it changed no channel (FOOTPRINT_POLL_CLOSED).
   */
  tookClosed(): void;
  /**
   * The last turn made `g`, stopped before a library wait that could have gone ahead, wait again
   * (an Add raising a WaitGroup's counter from zero under a Wait): g's operation, which now will
   * not come, gets a turn that never happened, so that DPOR tries it before that turn.
   */
  waitDisabled(g: Goroutine, obj: unknown, mode: number): void;
  /**
   * The running turn's touch of `obj` only read it after all (a Once.Do that found f run
   * already: it changes nothing): FOOTPRINT_READ.
   */
  onlyRead(obj: unknown): void;
  /**
   * The running turn's latest operation, a plain send or receive on the buffered channel `ch`,
   * moved `value` through the buffer alone (no receiver was waiting for it, no sender was let in
   * behind it); `kept`: the buffer still had room (a send) or a value (a receive) after it.
   * Two such operations with equal values commute (valuesCommute).
   */
  buffered(ch: unknown, value: unknown, kept: boolean): void;
  /** The running turn made `g` runnable (it started it or woke it): g's next turn happens after it. */
  enabled(g: Goroutine): void;
  /**
   * The running turn is the first of a goroutine that started as `g` will (Scheduler.starts):
   * g, which waited for it, may now run, and its first turn happens after this one.
   */
  follows(g: Goroutine): void;
  /**
   * The running turn stopped a timer that was due (its firing was a move: Scheduler.dueTimers),
   * `g` standing for that move: the firing could have come first, and now never will.
   */
  disabled(g: Goroutine): void;
  /**
   * Whether a goroutine stopped before an operation that would only wait is left out of the
   * choices until it can go ahead or a partner takes it (Scheduler.pickExplored). False only for
   * the unreduced search, the reference that offers every goroutine at every point.
   */
  readonly holdsBlocked: boolean;
}

/**
 * Explore mode: the visible operation a goroutine stopped before (at a scheduling point), as far
 * as the scheduler needs it to tell whether the goroutine can go ahead.
 */
export interface Pending {
  /** The channels it would receive from, and send on (one for a plain operation, a select's cases). */
  readonly recv: readonly unknown[];
  readonly send: readonly unknown[];
  /** Go's wait reason, should it wait ('chan receive', 'select', 'sync.Mutex.Lock', ...). */
  readonly reason: string;
  /** A select: when it can go ahead, it may still take a held partner's case (pickExplored). */
  readonly select: boolean;
  /** The operation cannot go ahead in the current state: it would only wait. */
  blocked(): boolean;
  /** A library wait (WaitGroup.Wait, Lock, RLock): what its turn will touch, and how. */
  readonly touches?: { readonly obj: unknown; readonly mode: number };
}
/** An explorer footprint of several objects at once (a select's channels); any other value is one object. */
export class Objects {
  constructor(readonly list: readonly unknown[]) {}
}

// How a turn touches an object (Explorer.touch's mode); modesConflict says which pairs commute.
/** Anything not described more finely: conflicts with every other access. */
export const FOOTPRINT_RW = 0;
/**
 * A change that commutes with others of its kind: setting a timer, and a WaitGroup decrement
 * that leaves the counter above zero (an Add or Done is touched so until the explorer learns
 * the counter: Explorer.waitGroupChanged).
 */
export const FOOTPRINT_DEC = 1;
/** A plain send and a plain receive (channel fast paths and their waits). */
export const FOOTPRINT_SEND = 2;
export const FOOTPRINT_RECV = 3;
/** A send or receive that had to wait (see Explorer.blocked). */
export const FOOTPRINT_SEND_WAIT = 4;
export const FOOTPRINT_RECV_WAIT = 5;
/** close(ch): conflicts with every operation on the channel, waiting ones included. */
export const FOOTPRINT_CLOSE = 6;
/**
 * A select: which case it takes, or default, depends on who waits on its channels, so it
 * conflicts with everything on them, waiting or not (and so does a select that waits).
 */
export const FOOTPRINT_POLL = 7;

/**
 * A goroutine stopped before a send, receive or select on the channel (explore mode with held
 * goroutines, Scheduler.pickExplored): from then on a receiver or a select may take it as a
 * partner. It changes nothing, so it commutes with everything but what may take partners (a
 * select) and partners starting to wait.
 */
export const FOOTPRINT_ARRIVE = 8;
/**
 * Mutex and RWMutex calls: a Lock, an Unlock, and a reader's RLock. A Lock (or RLock) after
 * another goroutine's Unlock could not have gone first, the lock being held until then (a held
 * goroutine waits outside the search: Scheduler.pickExplored). So that pair orders the two turns
 * without being a race to reverse (modesEnable); the race is with the Lock before the Unlock.
 */
export const FOOTPRINT_LOCK = 9;
export const FOOTPRINT_UNLOCK = 10;
export const FOOTPRINT_RLOCK = 11;
/** WaitGroup.Wait: it goes ahead only at zero, after the change that brought the counter there. */
export const FOOTPRINT_WG_WAIT = 12;
/** A decrement that brought a WaitGroup's counter to exactly zero (below zero is a panic: FOOTPRINT_RW). */
export const FOOTPRINT_WG_ZERO = 13;
/**
 * A send and a receive that complete on a buffered channel. They commute: with the buffer
 * neither empty nor full, in either order the receive takes the oldest value and the send
 * appends; when it is empty (or full) the receive (or send) could not have gone first.
 */
export const FOOTPRINT_BUF_SEND = 14;
export const FOOTPRINT_BUF_RECV = 15;
/** An Add(1) that raised a WaitGroup's counter that was already above zero. */
export const FOOTPRINT_WG_UP = 16;
/**
 * A select with only receive cases that took one on a closed, empty channel: it changed nothing,
 * so it commutes with another such select (no receiver can partner another). Otherwise it is a
 * select (FOOTPRINT_POLL): whoever arrives on its channels after it could have been taken instead.
 */
export const FOOTPRINT_POLL_CLOSED = 17;
/**
 * A read of state that only a write changes (a context's Err or Cause, len(ch) of a channel's
 * buffer): two reads commute, and so does a read with a FOOTPRINT_JOIN.
 */
export const FOOTPRINT_READ = 18;
/**
 * Registering with a context (a child context, an AfterFunc) or leaving its children: it
 * conflicts with the context's cancellation (FOOTPRINT_RW), which it may see or be visited by,
 * and with another registration (the order of the children is the order a cancel visits them),
 * but not with a read: it changes neither the error nor the Done channel.
 */
export const FOOTPRINT_JOIN = 19;

/**
 * A send (or receive) that put its value into a channel's buffer (or took it from there) alone,
 * the value being one that compares equal across runs (valueKey): KEPT when the buffer still had
 * room (a value) after it, LAST when it was then full (empty). Explorer.buffered turns a
 * FOOTPRINT_BUF_SEND or FOOTPRINT_BUF_RECV into one of these; modesConflict treats them as
 * what they were, and valuesCommute says when two of them commute after all.
 */
export const FOOTPRINT_BUF_SEND_KEPT = 20;
export const FOOTPRINT_BUF_SEND_LAST = 21;
export const FOOTPRINT_BUF_RECV_KEPT = 22;
export const FOOTPRINT_BUF_RECV_LAST = 23;

/** valueKey's answer for a value that has no key. */
export const NO_KEY: unique symbol = Symbol('no key');
const EMPTY_KEY: unique symbol = Symbol('empty struct');

/**
 * What identifies a value sent on a channel across runs, or NO_KEY: a boolean, number, string
 * or nil is its own key (compared with Object.is, so 0 and -0 differ, as printing tells them
 * apart), and every empty struct (or array) has one key. Anything else (a pointer, a struct with
 * fields, an interface) has none: objects are new in every run, so they cannot be compared
 * across runs, and the search compares footprints of different runs.
 */
export function valueKey(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  switch (typeof v) {
    case 'boolean': case 'number': case 'string': case 'bigint': return v;
    case 'object': return Array.isArray(v) && v.length === 0 ? EMPTY_KEY : NO_KEY;
    default: return NO_KEY;
  }
}

/**
 * Whether two buffered sends (or receives) of equal values on one channel commute, `earlier`
 * having run first. If the earlier left room in the buffer (a value in it), the later could
 * have gone first, and then the earlier after it: either way the buffer ends with the same
 * values and each goroutine sent (received) an equal value, so both orders reach one state.
 * If the earlier filled (emptied) the buffer, the later had to wait for something else in
 * between; in the other order the earlier one would wait instead: they do not commute.
 */
function valuesCommute(earlier: number, earlierKey: unknown, later: number, laterKey: unknown): boolean {
  if (earlier === FOOTPRINT_BUF_SEND_KEPT) return (later === FOOTPRINT_BUF_SEND_KEPT || later === FOOTPRINT_BUF_SEND_LAST) && Object.is(earlierKey, laterKey);
  if (earlier === FOOTPRINT_BUF_RECV_KEPT) return (later === FOOTPRINT_BUF_RECV_KEPT || later === FOOTPRINT_BUF_RECV_LAST) && Object.is(earlierKey, laterKey);
  return false;
}

/**
 * Whether two accesses to one object, each a mode and (for a valued buffered mode) its value's
 * key, fail to commute: modesConflict, unless they are equal values moving through a buffer.
 */
export function accessesConflict(earlier: number, earlierKey: unknown, later: number, laterKey: unknown): boolean {
  return modesConflict(earlier, later) && !valuesCommute(earlier, earlierKey, later, laterKey);
}

/** A valued buffered mode as the plain one it refines (any other mode as itself). */
function plainMode(m: number): number {
  if (m === FOOTPRINT_BUF_SEND_KEPT || m === FOOTPRINT_BUF_SEND_LAST) return FOOTPRINT_BUF_SEND;
  if (m === FOOTPRINT_BUF_RECV_KEPT || m === FOOTPRINT_BUF_RECV_LAST) return FOOTPRINT_BUF_RECV;
  return m;
}

/** The waiting form of a plain send or receive (other modes do not change when they wait). */
export function waitingMode(m: number): number {
  if (m === FOOTPRINT_SEND || m === FOOTPRINT_BUF_SEND) return FOOTPRINT_SEND_WAIT;
  if (m === FOOTPRINT_RECV || m === FOOTPRINT_BUF_RECV) return FOOTPRINT_RECV_WAIT;
  return m;
}

/**
 * Whether two accesses to one object fail to commute. Two counter changes commute. A send that
 * waits commutes with a receive that completes, and a receive that waits with a send that
 * completes: in either order the value is handed over and both go on. Everything else does
 * not: two sends (whichever goes first may make the other wait), close, select.
 */
export function modesConflict(earlier: number, later: number): boolean {
  earlier = plainMode(earlier);
  later = plainMode(later);
  if ((earlier === FOOTPRINT_BUF_SEND && later === FOOTPRINT_BUF_RECV) || (earlier === FOOTPRINT_BUF_RECV && later === FOOTPRINT_BUF_SEND)) return false;
  // Otherwise a buffered send or receive is a send or receive.
  const a = earlier === FOOTPRINT_BUF_SEND ? FOOTPRINT_SEND : earlier === FOOTPRINT_BUF_RECV ? FOOTPRINT_RECV : earlier;
  const b = later === FOOTPRINT_BUF_SEND ? FOOTPRINT_SEND : later === FOOTPRINT_BUF_RECV ? FOOTPRINT_RECV : later;
  // An arrival after a partner was taken (or a select chose): the other order could take this
  // goroutine instead. An arrival before is no matter: the choice of partner covered every one
  // held then, this one among them.
  if (b === FOOTPRINT_ARRIVE) return a === FOOTPRINT_POLL || a === FOOTPRINT_POLL_CLOSED || a === FOOTPRINT_SEND_WAIT || a === FOOTPRINT_RECV_WAIT;
  if (a === FOOTPRINT_POLL_CLOSED && b === FOOTPRINT_POLL_CLOSED) return false;
  if (a === FOOTPRINT_ARRIVE) return false;
  // WaitGroup changes: two decrements that leave the counter at zero or above end the same in
  // either order, and so do increments by one from above zero, with each other and with
  // decrements. What such an increment hides — decrements going first reach zero and let a Wait
  // through — is the race of the increment with that Wait (modesEnable). An increment followed
  // by a change that reaches zero does not commute: in the other order the counter could go
  // below zero.
  if (a === FOOTPRINT_DEC && (b === FOOTPRINT_DEC || b === FOOTPRINT_WG_ZERO || b === FOOTPRINT_WG_UP)) return false;
  if (a === FOOTPRINT_WG_UP && (b === FOOTPRINT_WG_UP || b === FOOTPRINT_DEC)) return false;
  if (a === FOOTPRINT_RLOCK && b === FOOTPRINT_RLOCK) return false;
  if ((a === FOOTPRINT_READ && (b === FOOTPRINT_READ || b === FOOTPRINT_JOIN)) || (a === FOOTPRINT_JOIN && b === FOOTPRINT_READ)) return false;
  const counter = (m: number): boolean => m === FOOTPRINT_DEC || m === FOOTPRINT_WG_UP;
  if ((a === FOOTPRINT_WG_WAIT || b === FOOTPRINT_WG_WAIT) && (counter(a) || counter(b) || a === b)) return counter(a);
  if ((a === FOOTPRINT_SEND_WAIT && b === FOOTPRINT_RECV) || (a === FOOTPRINT_RECV && b === FOOTPRINT_SEND_WAIT)) return false;
  if ((a === FOOTPRINT_RECV_WAIT && b === FOOTPRINT_SEND) || (a === FOOTPRINT_SEND && b === FOOTPRINT_RECV_WAIT)) return false;
  return true;
}

/**
 * Of two conflicting accesses (modesConflict), whether the later could not have come first: the
 * earlier one is what let it go ahead (an Unlock then a Lock, a counter brought to zero then a
 * Wait). Such a pair orders its turns but is no race to reverse (explore.ts, addBacktracks).
 */
export function modesEnable(earlier: number, later: number): boolean {
  if (earlier === FOOTPRINT_UNLOCK) return later === FOOTPRINT_LOCK || later === FOOTPRINT_RLOCK;
  // Not an increment: with the decrements after it moved first, the Wait could have come first.
  if (later === FOOTPRINT_WG_WAIT) return earlier === FOOTPRINT_WG_ZERO || earlier === FOOTPRINT_DEC;
  return false;
}

/** What a visible library call touches (lib/footprints.ts says which calls are visible). */
export interface LibraryFootprint {
  /** The object, from the call's arguments (the receiver comes first). */
  obj: (args: unknown[]) => unknown;
  mode: number;
  /** For a call that may wait: Go's wait reason, and whether it would only wait now (then it is held: Scheduler.pickExplored). */
  waits?: { reason: string; now: (ctx: NativeCtx, args: unknown[]) => boolean };
}

/** All output: one object (two writes to stdout never commute). */
export const OUTPUT = { name: 'output' };
/** Library state not modelled more finely (Cond, a context type the program wrote, os.Exit): conflicts with everything. */
export const EVERYTHING = { name: 'everything' };
