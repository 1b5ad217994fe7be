// Go channels: unbuffered hand-off and buffered FIFO, with Go's exact blocking, close and panic
// rules. Fast paths (trySend/tryRecv) are plain functions; only a goroutine that must wait
// runs the generator that parks it.
import { FOOTPRINT_BUF_RECV, FOOTPRINT_BUF_SEND, FOOTPRINT_CLOSE, FOOTPRINT_POLL, Objects, FOOTPRINT_SEND, FOOTPRINT_RECV, type Pending } from './footprint.ts';
import { PARK } from './calling.ts';
import { snapshotTop, type Goroutine } from './goroutine.ts';
import type { Scheduler } from './scheduler.ts';
import type { Monitor } from './monitor.ts';
import { plainPanic } from './rterror.ts';
import { Queue } from './queue.ts';
import { CHANNEL, SLOT } from './memory.ts';

/** One select statement waiting on several channels; the first case to fire wins. */
export class SelectWait {
  done = false;
  /** Index of the case that fired, its value and ok. */
  index = -1;
  value: unknown = undefined;
  ok = false;
  /** The select's cases, for observers (a trace names the channels a blocked select waits on). */
  constructor(readonly g: Goroutine, readonly cases: readonly { ch: Channel | null; send: boolean }[] = []) {}
}

/** A goroutine (or a select case) waiting to send or receive. */
export class Waiter {
  value: unknown;
  ok = false;
  /** Set when the channel was closed while a sender waited on it. */
  closed = false;
  constructor(
    readonly g: Goroutine,
    value: unknown,
    readonly sel: SelectWait | null,
    readonly caseIndex: number,
  ) { this.value = value; }
}

/**
 * The goroutine's own waiter for a plain send or receive, reused: it blocks on one channel at a
 * time, and its waiter has left the queue by the time it runs again, so a fresh object per
 * blocking operation was only garbage (a million of them in a hand-off loop).
 */
function plainWaiter(g: Goroutine, v: unknown): Waiter {
  const w = g.waiter;
  if (w === null) return (g.waiter = new Waiter(g, v, null, 0));
  w.value = v;
  w.ok = false;
  w.closed = false;
  return w;
}

/** Yielded by Park to park its goroutine; shared, as whoever gets a result reads it at once. */
const PARKED: IteratorResult<unknown, unknown> = { value: PARK, done: false };

/**
 * The blocking part of a plain send or receive (outside explore mode), as an iterator that each
 * goroutine reuses instead of a generator per park: a hand-off loop parks a million times. The
 * first next() queues the goroutine's waiter on the channel and parks; the next one, after the
 * wake-up, finishes the operation (a panic for a send on a channel closed meanwhile; a
 * receive's value, also left in the channel's got and gotOk). A goroutine is in one of these at
 * a time, and is done with it before it can block again.
 */
export class Park {
  private ch: Channel | null = null;
  private w: Waiter | null = null;
  private send = false;
  private queued = false;
  private readonly result: IteratorResult<unknown, unknown> = { value: undefined, done: true };

  start(ch: Channel, w: Waiter, send: boolean): Generator<unknown, unknown, unknown> {
    this.ch = ch;
    this.w = w;
    this.send = send;
    this.queued = false;
    return this as unknown as Generator<unknown, unknown, unknown>;
  }

  next(): IteratorResult<unknown, unknown> {
    const ch = this.ch!, w = this.w!;
    if (!this.queued) {
      this.queued = true;
      if (this.send) {
        ch.sendq.push(w);
        ch.sched.prepark('chan send', ch);
      } else {
        ch.recvq.push(w);
        ch.sched.prepark('chan receive', ch);
      }
      return PARKED;
    }
    this.ch = null;
    this.w = null;
    if (this.send) {
      if (w.closed) throw plainPanic('send on closed channel');
      this.result.value = undefined;
    } else {
      ch.got = w.value;
      ch.gotOk = w.ok;
      this.result.value = w.value;
    }
    return this.result;
  }

  return(value: unknown): IteratorResult<unknown, unknown> {
    this.ch = null;
    this.w = null;
    return { value, done: true };
  }

  throw(e: unknown): never {
    this.ch = null;
    this.w = null;
    throw e;
  }

  [Symbol.iterator](): this { return this; }
}

/** A waiter that can still be taken: a plain one, or a select's that has not fired yet. */
const live = (w: Waiter): boolean => w.sel === null || !w.sel.done;

let chanIds = 0;

export class Channel {
  readonly id = ++chanIds;
  closed = false;
  /** The buffered values, oldest first. */
  private readonly buf: Queue<unknown>;
  readonly recvq = new Queue<Waiter>();
  readonly sendq = new Queue<Waiter>();
  /** With a monitor: the message numbers of the buffered values, in buffer order. */
  private msgs: Queue<number> | null = null;
  /** `elemBytes`: what one buffered value costs (memory.ts); the buffer is counted by capacity, as Go allocates it. */
  constructor(readonly cap: number, readonly zero: () => unknown, readonly sched: Scheduler, elemBytes = SLOT) {
    sched.alloc(CHANNEL + cap * elemBytes);
    this.buf = new Queue(cap);
    const m = sched.monitor;
    if (m !== null) {
      this.msgs = new Queue();
      m.chanMake(this, cap, sched.firingTimers || !sched.current ? null : snapshotTop(sched.current));
    }
  }

  get len(): number { return this.buf.length; }

  /** First waiter of a queue whose select (if any) has not fired yet, removed from the queue. */
  private static take(q: Queue<Waiter>): Waiter | null {
    while (q.length > 0) {
      const w = q.shift()!;
      if (w.sel === null) return w;
      if (!w.sel.done) return w;
    }
    return null;
  }

  /** Completes a waiter: readies its goroutine (for a select, with the case that fired). */
  private wake(w: Waiter): void {
    if (w.sel) {
      // Explore mode: completing a waiting select decides which of its cases it takes, so this
      // turn conflicts with anything on any of its channels (another sender that would have won
      // it, or one arriving later to find it gone), as the select itself would (FOOTPRINT_POLL).
      const x = this.sched.explore;
      if (x !== null) x.touch(new Objects(w.sel.cases.map((c) => c.ch)), FOOTPRINT_POLL);
      w.sel.done = true;
      w.sel.index = w.caseIndex;
      w.sel.value = w.value;
      w.sel.ok = w.ok;
      this.sched.ready(w.g, w.sel);
    } else {
      this.sched.ready(w.g, w);
    }
  }

  /**
   * Send without blocking; false if the sender would have to wait (or, in explore mode, must
   * first offer a switch: sendWait does that). Panics if closed.
   */
  trySend(v: unknown): boolean {
    const s = this.sched;
    // The commonest send, done here in full: room in the buffer, no receiver waiting, nobody
    // observing. Until V8 optimizes the callers, every call on this path costs as much as the
    // work itself, and a short run of a program ends about then.
    if (s.explore === null && s.monitor === null && this.recvq.length === 0 && !this.closed && this.buf.length < this.cap) {
      s.channelOps++;
      this.buf.push(v);
      return true;
    }
    if (s.explore === null) return this.sendNow(v);
    if (!s.enter(this, this.cap > 0 ? FOOTPRINT_BUF_SEND : FOOTPRINT_SEND, this.pendingSend())) return false;
    const before = this.buf.length;
    if (!this.sendNow(v)) return false;
    // Into the buffer, no receiver waiting: the search may let it commute with an equal send.
    if (this.buf.length > before) s.explore.buffered(this, v, this.buf.length < this.cap);
    return true;
  }

  /** trySend without explore mode's scheduling point, for a select that already passed its own. */
  sendNow(v: unknown): boolean {
    this.sched.channelOps++;
    if (this.closed) throw plainPanic('send on closed channel');
    const r = Channel.take(this.recvq);
    const m = this.sched.monitor;
    if (r) {
      r.value = v;
      r.ok = true;
      if (m !== null) this.handedOff(m, v, this.sender(), r.g);
      this.wake(r);
      return true;
    }
    if (this.len < this.cap) {
      this.buf.push(v);
      if (m !== null) this.buffered(m, v, this.sender());
      return true;
    }
    return false;
  }

  /** The goroutine sending now; null when a timer's fire function sends. */
  private sender(): Goroutine | null {
    return this.sched.firingTimers ? null : this.sched.current;
  }

  private handedOff(m: Monitor, v: unknown, from: Goroutine | null, to: Goroutine): void {
    const msg = ++this.sched.messages;
    m.send(this, msg, v, 'handoff', to, from);
    m.recv(this, to, msg, v, true, 'handoff', from);
  }

  private buffered(m: Monitor, v: unknown, from: Goroutine | null): void {
    const msg = ++this.sched.messages;
    this.msgs!.push(msg);
    m.send(this, msg, v, 'buffered', null, from);
  }

  /** Explore mode: a plain send and receive on this channel, as a goroutine stopped before one (Scheduler.pickExplored). */
  private sendPending: Pending | null = null;
  private recvPending: Pending | null = null;
  private pendingSend(): Pending {
    return this.sendPending ??= { recv: [], send: [this], reason: 'chan send', select: false, blocked: () => !this.canSend() };
  }
  private pendingRecv(): Pending {
    return this.recvPending ??= { recv: [this], send: [], reason: 'chan receive', select: false, blocked: () => !this.canRecv() };
  }

  /** Ready to send now (for select's readiness check): a receiver waits or there is room, or closed. */
  canSend(): boolean {
    return this.closed || this.len < this.cap || this.recvq.some(live);
  }

  canRecv(): boolean {
    return this.len > 0 || this.closed || this.sendq.some(live);
  }

  /**
   * Receive without blocking: returns true and sets `this.got`/`this.gotOk`, or false if the
   * receiver would have to wait.
   */
  got: unknown = undefined;
  gotOk = false;
  tryRecv(): boolean {
    const s = this.sched;
    // The commonest receive, done here in full (as in trySend): a buffered value, no sender waiting.
    if (s.explore === null && s.monitor === null && this.buf.length > 0 && this.sendq.length === 0) {
      s.channelOps++;
      this.got = this.buf.shift();
      this.gotOk = true;
      return true;
    }
    if (s.explore === null) return this.recvNow();
    if (!s.enter(this, this.cap > 0 ? FOOTPRINT_BUF_RECV : FOOTPRINT_RECV, this.pendingRecv())) return false;
    const before = this.buf.length;
    if (!this.recvNow()) return false;
    // From the buffer, no sender let in behind it: the search may let it commute with an equal receive.
    if (this.buf.length === before - 1) s.explore.buffered(this, this.got, this.buf.length > 0);
    return true;
  }

  /** tryRecv without explore mode's scheduling point. */
  recvNow(): boolean {
    this.sched.channelOps++;
    const m = this.sched.monitor;
    if (this.len > 0) {
      this.got = this.buf.shift();
      this.gotOk = true;
      if (m !== null) m.recv(this, this.sched.current, this.msgs!.shift()!, this.got, true, 'buffered', null);
      const s = Channel.take(this.sendq);
      if (s) {
        this.buf.push(s.value);
        if (m !== null) this.buffered(m, s.value, s.g);
        this.wake(s);
      }
      return true;
    }
    const s = Channel.take(this.sendq);
    if (s) {
      this.got = s.value;
      this.gotOk = true;
      if (m !== null) this.handedOff(m, s.value, s.g, this.sched.current);
      this.wake(s);
      return true;
    }
    if (this.closed) {
      this.got = this.zero();
      this.gotOk = false;
      if (m !== null) m.recv(this, this.sched.current, 0, this.got, false, 'closed', null);
      return true;
    }
    return false;
  }

  /** The blocking part of a send, after trySend said no. */
  sendWait(v: unknown): Generator<unknown, void, unknown> {
    const s = this.sched;
    if (s.explore !== null) return this.sendWaitExplore(v);
    const g = s.current;
    return (g.park ??= new Park()).start(this, plainWaiter(g, v), true) as Generator<unknown, void, unknown>;
  }

  /** sendWait in explore mode, where a goroutine may first have to offer a switch. */
  private *sendWaitExplore(v: unknown): Generator<unknown, void, unknown> {
    if (this.sched.gated) {
      yield* this.sched.switchIfGated();
      if (this.trySend(v)) return;
    }
    const w = plainWaiter(this.sched.current, v);
    if (this.sched.explore !== null) this.sched.explore.blocked(this);
    this.sendq.push(w);
    this.sched.prepark('chan send', this);
    yield PARK;
    if (w.closed) throw plainPanic('send on closed channel');
  }

  /** The blocking part of a receive, after tryRecv said no; sets got/gotOk like tryRecv. */
  recvWait(): Generator<unknown, unknown, unknown> {
    const s = this.sched;
    if (s.explore !== null) return this.recvWaitExplore();
    const g = s.current;
    return (g.park ??= new Park()).start(this, plainWaiter(g, undefined), false);
  }

  /** recvWait in explore mode. */
  private *recvWaitExplore(): Generator<unknown, unknown, unknown> {
    if (this.sched.gated) {
      yield* this.sched.switchIfGated();
      if (this.tryRecv()) return this.got;
    }
    const w = plainWaiter(this.sched.current, undefined);
    if (this.sched.explore !== null) this.sched.explore.blocked(this);
    this.recvq.push(w);
    this.sched.prepark('chan receive', this);
    yield PARK;
    this.got = w.value;
    this.gotOk = w.ok;
    return w.value;
  }

  close(): void {
    if (this.closed) throw plainPanic('close of closed channel');
    this.closed = true;
    // A close inside a library call (a context's cancel) is part of that call's turn.
    if (this.sched.explore !== null) this.sched.explore.touch(this, FOOTPRINT_CLOSE);
    const m = this.sched.monitor;
    if (m !== null) m.close(this);
    for (;;) {
      const r = Channel.take(this.recvq);
      if (!r) break;
      r.value = this.zero();
      r.ok = false;
      if (m !== null) m.recv(this, r.g, 0, r.value, false, 'closed', null);
      this.wake(r);
    }
    for (;;) {
      const s = Channel.take(this.sendq);
      if (!s) break;
      s.closed = true;
      this.wake(s);
    }
  }

  /** Register a select case's waiter. */
  enqueue(send: boolean, w: Waiter): void {
    (send ? this.sendq : this.recvq).push(w);
  }

  /** Drop a select's waiter after another case fired. */
  dequeue(send: boolean, w: Waiter): void {
    (send ? this.sendq : this.recvq).remove(w);
  }
}

/** send on a channel value that may be nil (compiled `ch <- v`). */
export function* chanSend(sched: Scheduler, ch: Channel | null, v: unknown): Generator<unknown, void, unknown> {
  if (ch === null) {
    yield* sched.park('chan send (nil chan)', null);
    return;
  }
  if (ch.trySend(v)) return;
  yield* ch.sendWait(v);
}

/** Receive; returns the value, and leaves ok in ch.gotOk (nil channel blocks forever). */
export function* chanRecv(sched: Scheduler, ch: Channel | null): Generator<unknown, unknown, unknown> {
  if (ch === null) {
    yield* sched.park('chan receive (nil chan)', null);
    return undefined;
  }
  if (ch.tryRecv()) return ch.got;
  return yield* ch.recvWait();
}

export function chanClose(ch: Channel | null): void {
  if (ch === null) throw plainPanic('close of nil channel');
  ch.close();
}
