// What the runtime tells an observer of a run: the hook the run trace (trace.ts) and the
// deadlock and leak explanations are built on. The scheduler holds at most one Monitor
// (`sched.monitor`, null by default); every call site is guarded by a null check, so a run
// without one pays one comparison per operation.
//
// Conventions
//   - Calls happen at the moment the thing happens, in program order. `sched.current` is the
//     goroutine doing it, except inside a timer's fire function (then `sched.firingTimers`... is
//     true and the actor is the runtime; methods taking `by` get null).
//   - Objects (channels, mutex states, WaitGroup states, timers) are passed as themselves; the
//     monitor gives them ids (a WeakMap) if it needs to name them.
//   - `site` arguments are where the running goroutine is now (file and line of its innermost
//     Go frame), or null when no Go frame is running.
import type { Goroutine } from './goroutine.ts';
import type { FrameSnapshot } from './panic.ts';

export type SendMode = 'buffered' | 'handoff';
export type RecvMode = 'buffered' | 'handoff' | 'closed';

export interface Monitor {
  /** `g` was created by `parent` (null for main and for goroutines a timer starts) at g.createdAt. */
  goStart(g: Goroutine, parent: Goroutine | null): void;
  /** `g` finished: returned, Goexit, or the goroutine whose panic ends the program (then `panicked`). */
  goEnd(g: Goroutine, panicked: boolean): void;
  /** `g` blocked: Go's wait reason ('chan receive', 'select', 'sync.Mutex.Lock', 'sleep', ...) and what it waits on. */
  block(g: Goroutine, reason: string, on: unknown, site: FrameSnapshot | null): void;
  /** `g` was made runnable again by `by` (null: by a timer or the runtime). */
  unblock(g: Goroutine, by: Goroutine | null): void;

  /** make(chan T, cap) at `site`. `ch` is a Channel (chan.ts). */
  chanMake(ch: object, cap: number, site: FrameSnapshot | null): void;
  /**
   * A value entered channel `ch`. `msg` numbers the message (1, 2, ... per run) so that the
   * receive that takes it out can name it. For a hand-off, `to` is the receiving goroutine and a
   * matching recv() call follows at once. `from` is the sending goroutine: usually
   * sched.current, but a sender that was waiting has its value moved into the buffer by the
   * receiver that made room; null when the runtime sends (a timer's channel).
   */
  send(ch: object, msg: number, value: unknown, mode: SendMode, to: Goroutine | null, from: Goroutine | null): void;
  /**
   * A value left channel `ch` for goroutine `g`: message `msg` (0 when the channel was closed and
   * drained: then mode is 'closed' and ok false).
   */
  recv(ch: object, g: Goroutine, msg: number, value: unknown, ok: boolean, mode: RecvMode, from: Goroutine | null): void;
  /** close(ch). */
  close(ch: object): void;
  /**
   * A select statement decided: `chosen` is the case index taken, -1 for default. `ready` is how
   * many cases were ready (0 when it had to wait, and the case that fired later is `chosen`).
   */
  select(g: Goroutine, channels: readonly (object | null)[], chosen: number, ready: number): void;

  /** A timer (time.Sleep, After, AfterFunc, NewTimer, Tick, context deadlines) was set to fire at virtual time `when`. */
  timerSet(t: object, when: number): void;
  /** A timer fired at the current virtual time. */
  timerFire(t: object): void;
  /** A timer was stopped before it fired. */
  timerStop(t: object): void;

  /** Mutex or RWMutex state `mu` was locked ('lock' or 'rlock') by g. */
  lock(mu: object, g: Goroutine, kind: 'lock' | 'rlock'): void;
  /** Mutex or RWMutex state `mu` was unlocked ('unlock' or 'runlock') by g. */
  unlock(mu: object, g: Goroutine, kind: 'unlock' | 'runlock'): void;
  /** WaitGroup state `wg` changed by delta (Add, Done, Go) to `count`. */
  waitGroup(wg: object, delta: number, count: number): void;
  /** Bytes written to stdout (fd 1) or stderr (fd 2). */
  write(fd: 1 | 2, text: string): void;
}
