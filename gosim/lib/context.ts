// Package context (exports `pkg`): the context tree. A cancelable context's state (its Done
// channel, error, cause, children and deadline timer) lives outside the Go value, keyed by the
// cancelCtx StructValue, so that a *timerCtx reaches the same state through its embedded
// cancelCtx. Cancellation propagates to children synchronously, as in Go; the Done channel is
// made on first use and closed on cancel; a deadline is a scheduler timer.
//
// A program's own Context type that embeds one of ours passes cancellation on, as in Go (its
// promoted Value answers the cancelCtx lookup); for one written from scratch a goroutine waits
// on its Done channel, as Go's does.
import type { GoFunc, Native, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { Iface, Pointer, StructValue } from '../runtime/values.ts';
import { comparable } from '../types/predicates.ts';
import { Typ } from '../types/universe.ts';
import { typeString } from '../types/typestring.ts';
import { ifacesEqual, newError, newPointer, pointerTo, stringValue } from './errors.ts';
import { Channel, chanClose } from '../runtime/chan.ts';
import { select } from '../runtime/select.ts';
import type { Timer as SchedTimer } from '../runtime/goroutine.ts';
import { addDuration, durationString, now, schedOf, sub, timeString, virtualNs, type TimeValue } from './timer.ts';
import { alloc } from '../runtime/memory.ts';
import { visibleNative } from '../runtime/program.ts';
import { CLOCK } from '../runtime/scheduler.ts';
import { EVERYTHING, FOOTPRINT_DEC, FOOTPRINT_JOIN, FOOTPRINT_READ, FOOTPRINT_RW, type LibraryFootprint } from '../runtime/footprint.ts';

/** What a cancelable context's state costs in the memory budget (runtime/memory.ts), measured roughly. */
const CANCEL_STATE = 320;

interface CancelState {
  parent: CancelState | null;
  children: Set<CancelState>;
  done: Channel | null;
  err: Iface | null;
  cause: Iface | null;
  timer: SchedTimer | null;
  /** context.AfterFunc registrations: started as goroutines when this context is canceled. */
  afterFuncs: Set<AfterFuncReg>;
}

interface AfterFuncReg { f: GoFunc; finished: boolean }

const states = new WeakMap<object, CancelState>();

const canceledErrs = new WeakMap<object, Iface>();
/** context.Canceled: one errors.New value, shared by every cancel so that == works. */
function canceled(ctx: NativeCtx): Iface {
  const key = ctx.typeOf('errors.errorString');
  let e = canceledErrs.get(key);
  if (!e) { e = newError(ctx, 'context canceled'); canceledErrs.set(key, e); }
  return e;
}

const deadlineExceeded = (ctx: NativeCtx): Iface => ({ t: ctx.typeOf('context.deadlineExceededError'), v: [] });

const ZERO_TIME: TimeValue = [0, 0, null];

/** The named type of a context value built here, or null for one from the program. */
function kindOf(c: Iface): 'background' | 'todo' | 'cancel' | 'timer' | 'value' | 'without' | null {
  const t = c.t.tag === 'Pointer' ? c.t.elem : c.t;
  if (t.tag !== 'Named' || t.pkg !== 'context') return null;
  switch (t.name) {
    case 'backgroundCtx': return 'background';
    case 'todoCtx': return 'todo';
    case 'cancelCtx': return 'cancel';
    case 'timerCtx': return 'timer';
    case 'valueCtx': return 'value';
    case 'withoutCancelCtx': return 'without';
    default: return null;
  }
}

/** The cancelCtx StructValue inside a *cancelCtx or *timerCtx. */
function cancelStruct(c: Iface, kind: 'cancel' | 'timer'): StructValue {
  const s = (c.v as Pointer<StructValue>).load();
  return kind === 'timer' ? (s[0] as StructValue) : s;
}

/**
 * The key under which a context answers Value with its nearest *cancelCtx, as Go's
 * &cancelCtxKey: a program's own Context type that embeds one of ours forwards Value to it, so
 * children of such a context are canceled with it. No value a program can make equals it.
 */
const cancelCtxKey: Iface = { t: Typ.unsafePointer, v: {} };

/** The nearest cancelable ancestor's state, as Go's parentCancelCtx finds it; null if none. */
function* nearestState(ctx: NativeCtx, c: Iface | null): Generator<unknown, CancelState | null, unknown> {
  while (c !== null) {
    const k = kindOf(c);
    if (k === 'cancel' || k === 'timer') return states.get(cancelStruct(c, k)) ?? null;
    if (k === 'value') { c = (c.v as Pointer<StructValue>).load()[0] as Iface | null; continue; }
    if (k !== null) return null;
    const m = ctx.method(c, 'Value');
    const found = m ? ((yield* m(cancelCtxKey)) as Iface | null) : null;
    const fk = found && kindOf(found);
    return fk === 'cancel' || fk === 'timer' ? (states.get(cancelStruct(found!, fk)) ?? null) : null;
  }
  return null;
}

function newDoneChan(ctx: NativeCtx): Channel {
  return new Channel(0, () => [], schedOf(ctx));
}

function cancel(ctx: NativeCtx, st: CancelState, removeFromParent: boolean, err: Iface, cause: Iface | null): void {
  // Explore mode: a cancel writes the context and each descendant it reaches (their Done
  // channels' closes are touched by Channel.close), leaves its parent's children (a
  // registration there), and stops its deadline timer (as Timer.Stop touches the clock).
  const x = schedOf(ctx).explore;
  if (x !== null) x.touch(st, FOOTPRINT_RW);
  if (st.err !== null) return;
  st.err = err;
  st.cause = cause ?? err;
  if (st.done === null) st.done = newDoneChan(ctx);
  chanClose(st.done);
  for (const child of st.children) cancel(ctx, child, false, err, cause);
  st.children.clear();
  if (removeFromParent && st.parent) {
    if (x !== null) x.touch(st.parent, FOOTPRINT_JOIN);
    st.parent.children.delete(st);
  }
  if (st.timer) {
    const sched = schedOf(ctx);
    const m = sched.monitor;
    if (sched.stopTimer(st.timer)) {
      if (m !== null) m.timerStop(st.timer);
      if (x !== null) x.touch(CLOCK, FOOTPRINT_RW);
    }
    st.timer = null;
  }
  for (const reg of st.afterFuncs) {
    reg.finished = true;
    schedOf(ctx).go(reg.f, []);
  }
  st.afterFuncs.clear();
}

/**
 * A parent Context the program wrote from scratch: as Go does, cancel the child at once if the
 * parent is done already, else start a goroutine that waits for either to be done.
 */
function* watchForeignParent(ctx: NativeCtx, parent: Iface, st: CancelState): Generator<unknown, void, unknown> {
  const doneM = ctx.method(parent, 'Done');
  const pdone = doneM ? ((yield* doneM()) as Channel | null) : null;
  if (pdone === null) return;
  const cancelFromParent = function* () {
    const errM = ctx.method(parent, 'Err');
    const err = errM ? ((yield* errM()) as Iface | null) : null;
    cancel(ctx, st, false, err ?? canceled(ctx), err);
  };
  if (pdone.canRecv()) {
    yield* select(schedOf(ctx), [{ ch: pdone, send: false, value: undefined }], false);
    yield* cancelFromParent();
    return;
  }
  st.done = newDoneChan(ctx);
  const childDone = st.done;
  const watcher: GoFunc = function* () {
    const r = yield* select(schedOf(ctx), [
      { ch: pdone, send: false, value: undefined }, { ch: childDone, send: false, value: undefined },
    ], false);
    if (r.index === 0) yield* cancelFromParent();
  };
  schedOf(ctx).go(watcher, []);
}

function* newState(ctx: NativeCtx, parent: Iface): Generator<unknown, CancelState, unknown> {
  const p = yield* nearestState(ctx, parent);
  // Its state (two sets, links to parent and children) besides the context value itself.
  alloc(CANCEL_STATE);
  const st: CancelState = { parent: p, children: new Set(), done: null, err: null, cause: null, timer: null, afterFuncs: new Set() };
  if (!p && kindOf(parent) === null) yield* watchForeignParent(ctx, parent, st);
  if (p) {
    if (p.err !== null) cancel(ctx, st, false, p.err, p.cause);
    else p.children.add(st);
  }
  return st;
}

function requireParent(ctx: NativeCtx, parent: Iface | null): asserts parent is Iface {
  if (parent === null) ctx.panic(stringValue('cannot create context from nil parent'));
}

function* withCancel(ctx: NativeCtx, parent: Iface): Generator<unknown, [Iface, CancelState], unknown> {
  const s: StructValue = [parent, 0];
  const st = yield* newState(ctx, parent);
  states.set(s, st);
  return [{ t: pointerTo(ctx.typeOf('context.cancelCtx')), v: newPointer(s) }, st];
}

function* parentDeadline(ctx: NativeCtx, parent: Iface): Generator<unknown, [TimeValue, boolean], unknown> {
  const m = ctx.method(parent, 'Deadline');
  if (!m) return [ZERO_TIME, false];
  return (yield* m()) as [TimeValue, boolean];
}

function* withDeadline(ctx: NativeCtx, parent: Iface | null, d: TimeValue, cause: Iface | null): Generator<unknown, [Iface, GoFunc], unknown> {
  requireParent(ctx, parent);
  const [cur, ok] = yield* parentDeadline(ctx, parent);
  if (ok && sub(cur, d) < 0n) {
    // The parent's deadline comes first: this context could never time out on its own.
    const [c, st] = yield* withCancel(ctx, parent);
    return [c, cancelFunc(ctx, st)];
  }
  const inner: StructValue = [parent, 0];
  const st = yield* newState(ctx, parent);
  states.set(inner, st);
  const c: Iface = { t: pointerTo(ctx.typeOf('context.timerCtx')), v: newPointer<StructValue>([inner, d]) };
  const sched = schedOf(ctx);
  const when = virtualNs(d);
  if (when <= sched.now) {
    cancel(ctx, st, true, deadlineExceeded(ctx), cause);
  } else if (st.err === null) {
    const t = sched.addTimer(when, () => {
      const m = sched.monitor;
      if (m !== null) m.timerFire(t);
      cancel(ctx, st, true, deadlineExceeded(ctx), cause);
    });
    st.timer = t;
    const m = sched.monitor;
    if (m !== null) m.timerSet(t, t.when);
    // Setting a timer, as time.After does (lib/footprints.ts).
    if (sched.explore !== null) sched.explore.touch(CLOCK, FOOTPRINT_DEC);
  }
  return [c, cancelFunc(ctx, st)];
}

/**
 * A function the context package hands the program (a CancelFunc, AfterFunc's stop): in explore
 * mode a call to it is a scheduling point touching `st` in `mode`, as a visible library call is
 * (runtime/program.ts, visibleNative), so that a cancel is a turn of its own, not glued to the
 * operation before it.
 */
function visibleFunc<A extends unknown[], R>(ctx: NativeCtx, st: CancelState | null, mode: number, body: (...args: A) => R): GoFunc {
  const sched = schedOf(ctx);
  const visible = visibleNative((_c: NativeCtx, ...args: unknown[]) => body(...(args as A)), { obj: () => st, mode }, sched);
  return function* (...args: unknown[]) {
    return sched.explore === null ? body(...(args as A)) : yield* (visible(ctx, ...args) as Generator<unknown, unknown, unknown>);
  };
}

function cancelFunc(ctx: NativeCtx, st: CancelState): GoFunc {
  return visibleFunc(ctx, st, FOOTPRINT_RW, () => cancel(ctx, st, true, canceled(ctx), null));
}

function* callString(ctx: NativeCtx, x: Iface): Generator<unknown, string | null, unknown> {
  const m = ctx.method(x, 'String');
  return m ? ((yield* m()) as string) : null;
}

function* contextName(ctx: NativeCtx, c: Iface | null): Generator<unknown, string, unknown> {
  if (c === null) return '<nil>';
  return (yield* callString(ctx, c)) ?? typeString(c.t);
}

function* stringify(ctx: NativeCtx, v: Iface | null): Generator<unknown, string, unknown> {
  if (v === null) return '<nil>';
  const s = yield* callString(ctx, v);
  if (s !== null) return s;
  if (v.t.tag === 'Basic' && v.t.kind === 'string') return v.v as string;
  return typeString(v.t);
}

function* lookupValue(ctx: NativeCtx, c: Iface | null, key: Iface | null): Generator<unknown, Iface | null, unknown> {
  while (c !== null) {
    const k = kindOf(c);
    if (k === 'value') {
      const s = (c.v as Pointer<StructValue>).load();
      if (ifacesEqual(s[1] as Iface | null, key)) return s[2] as Iface | null;
      c = s[0] as Iface | null;
    } else if (k === 'cancel' || k === 'timer') {
      if (key === cancelCtxKey) return c;
      c = cancelStruct(c, k)[0] as Iface | null;
    } else if (k === 'without') {
      c = (c.v as StructValue)[0] as Iface | null;
    } else if (k === 'background' || k === 'todo') {
      return null;
    } else {
      const m = ctx.method(c, 'Value');
      return m ? ((yield* m(key)) as Iface | null) : null;
    }
  }
  return null;
}

const stateOf = (p: Pointer<StructValue>) => states.get(p.load())!;

const natives: Record<string, Native> = {
  'context.Canceled': (ctx: NativeCtx) => canceled(ctx),
  'context.DeadlineExceeded': (ctx: NativeCtx) => deadlineExceeded(ctx),

  'context.Background': (ctx: NativeCtx) => ({ t: ctx.typeOf('context.backgroundCtx'), v: [[]] }) satisfies Iface,
  'context.TODO': (ctx: NativeCtx) => ({ t: ctx.typeOf('context.todoCtx'), v: [[]] }) satisfies Iface,
  'context.backgroundCtx.String': () => 'context.Background',
  'context.todoCtx.String': () => 'context.TODO',
  'context.emptyCtx.Deadline': () => [ZERO_TIME, false],
  'context.emptyCtx.Done': () => null,
  'context.emptyCtx.Err': () => null,
  'context.emptyCtx.Value': () => null,

  'context.deadlineExceededError.Error': () => 'context deadline exceeded',
  'context.deadlineExceededError.Timeout': () => true,
  'context.deadlineExceededError.Temporary': () => true,

  'context.WithCancel': function* (ctx: NativeCtx, parent: Iface | null) {
    requireParent(ctx, parent);
    const [c, st] = yield* withCancel(ctx, parent);
    return [c, cancelFunc(ctx, st)];
  },
  'context.WithCancelCause': function* (ctx: NativeCtx, parent: Iface | null) {
    requireParent(ctx, parent);
    const [c, st] = yield* withCancel(ctx, parent);
    const f = visibleFunc(ctx, st, FOOTPRINT_RW, (cause: unknown) => cancel(ctx, st, true, canceled(ctx), cause as Iface | null));
    return [c, f];
  },
  // Generator functions (not arrows returning generators): the runtime tells natives that may
  // call Go code apart by their function kind.
  'context.WithDeadline': function* (ctx: NativeCtx, parent: Iface | null, d: TimeValue) {
    return yield* withDeadline(ctx, parent, d, null);
  },
  'context.WithDeadlineCause': function* (ctx: NativeCtx, parent: Iface | null, d: TimeValue, cause: Iface | null) {
    return yield* withDeadline(ctx, parent, d, cause);
  },
  'context.WithTimeout': function* (ctx: NativeCtx, parent: Iface | null, d: number | bigint) {
    return yield* withDeadline(ctx, parent, addDuration(now(ctx), BigInt(d)), null);
  },
  'context.WithTimeoutCause': function* (ctx: NativeCtx, parent: Iface | null, d: number | bigint, cause: Iface | null) {
    return yield* withDeadline(ctx, parent, addDuration(now(ctx), BigInt(d)), cause);
  },

  'context.WithValue': (ctx: NativeCtx, parent: Iface | null, key: Iface | null, val: Iface | null) => {
    requireParent(ctx, parent);
    if (key === null) ctx.panic(stringValue('nil key'));
    if (!comparable(key.t)) ctx.panic(stringValue('key is not comparable'));
    return { t: pointerTo(ctx.typeOf('context.valueCtx')), v: newPointer<StructValue>([parent, key, val]) } satisfies Iface;
  },
  'context.WithoutCancel': (ctx: NativeCtx, parent: Iface | null) => {
    requireParent(ctx, parent);
    return { t: ctx.typeOf('context.withoutCancelCtx'), v: [parent] } satisfies Iface;
  },

  'context.Cause': function* (ctx: NativeCtx, c: Iface | null) {
    const st = yield* nearestState(ctx, c);
    if (st) return st.cause;
    if (c === null) return null;
    const m = ctx.method(c, 'Err');
    return m ? yield* m() : null;
  },

  'context.AfterFunc': function* (ctx: NativeCtx, c: Iface | null, f: GoFunc) {
    const st = yield* nearestState(ctx, c);
    const reg: AfterFuncReg = { f, finished: false };
    if (st) {
      if (st.err !== null) { reg.finished = true; schedOf(ctx).go(f, []); }
      else st.afterFuncs.add(reg);
    }
    const stop = visibleFunc(ctx, st, FOOTPRINT_JOIN, () => {
      if (reg.finished) return false;
      reg.finished = true;
      st?.afterFuncs.delete(reg);
      return true;
    });
    return stop;
  },

  'context.cancelCtx.Done': (ctx: NativeCtx, p: Pointer<StructValue>) => {
    const st = stateOf(p);
    if (st.done === null) st.done = newDoneChan(ctx);
    return st.done;
  },
  'context.cancelCtx.Err': (_ctx: NativeCtx, p: Pointer<StructValue>) => stateOf(p).err,
  'context.cancelCtx.Value': function* (ctx: NativeCtx, p: Pointer<StructValue>, key: Iface | null) {
    if (key === cancelCtxKey) return { t: pointerTo(ctx.typeOf('context.cancelCtx')), v: p } satisfies Iface;
    return yield* lookupValue(ctx, p.load()[0] as Iface | null, key);
  },
  'context.cancelCtx.String': function* (ctx: NativeCtx, p: Pointer<StructValue>) {
    return (yield* contextName(ctx, p.load()[0] as Iface | null)) + '.WithCancel';
  },

  'context.timerCtx.Deadline': (_ctx: NativeCtx, p: Pointer<StructValue>) => [p.load()[1], true],
  'context.timerCtx.String': function* (ctx: NativeCtx, p: Pointer<StructValue>) {
    const [inner, d] = p.load() as [StructValue, TimeValue];
    const left = sub(d, now(ctx));
    return `${yield* contextName(ctx, inner[0] as Iface | null)}.WithDeadline(${timeString(d)} [${durationString(left)}])`;
  },

  'context.valueCtx.Value': function* (ctx: NativeCtx, p: Pointer<StructValue>, key: Iface | null) {
    return yield* lookupValue(ctx, { t: pointerTo(ctx.typeOf('context.valueCtx')), v: p }, key);
  },
  'context.valueCtx.String': function* (ctx: NativeCtx, p: Pointer<StructValue>) {
    const [parent, key, val] = p.load() as (Iface | null)[];
    return `${yield* contextName(ctx, parent!)}.WithValue(${yield* stringify(ctx, key!)}, ${yield* stringify(ctx, val!)})`;
  },

  'context.withoutCancelCtx.Deadline': () => [ZERO_TIME, false],
  'context.withoutCancelCtx.Done': () => null,
  'context.withoutCancelCtx.Err': () => null,
  'context.withoutCancelCtx.Value': function* (ctx: NativeCtx, s: StructValue, key: Iface | null) {
    return yield* lookupValue(ctx, s[0] as Iface | null, key);
  },
  'context.withoutCancelCtx.String': function* (ctx: NativeCtx, s: StructValue) {
    return (yield* contextName(ctx, s[0] as Iface | null)) + '.WithoutCancel';
  },
};

export const pkg: NativePackage = { path: 'context', natives };

/**
 * Explore mode, for a context c the program passes in: the state a cancel of it would write, as
 * nearestState finds it but without running program code: null when nothing can cancel it (a
 * Background, a WithoutCancel), EVERYTHING for a Context type the program wrote (its methods may
 * do anything).
 */
function stateNear(c: unknown): CancelState | typeof EVERYTHING | null {
  let cur = c as Iface | null;
  while (cur !== null) {
    const k = kindOf(cur);
    if (k === 'cancel' || k === 'timer') return states.get(cancelStruct(cur, k)) ?? null;
    if (k === 'value') { cur = (cur.v as Pointer<StructValue>).load()[0] as Iface | null; continue; }
    return k === null ? EVERYTHING : null;
  }
  return null;
}

const statePointed = (p: unknown): CancelState | null => (p === null ? null : (states.get((p as Pointer<StructValue>).load()) ?? null));

/** Calls that register with the context they are given (a new child, an AfterFunc). */
const JOINS = new Set(['context.WithCancel', 'context.WithCancelCause', 'context.WithDeadline', 'context.WithDeadlineCause',
  'context.WithTimeout', 'context.WithTimeoutCause', 'context.AfterFunc']);

/**
 * Explore mode: which context calls are scheduling points and what they touch (lib/footprints.ts;
 * docs/architecture.md, "What explore explores", argues each).
 * - Err and Cause read the context: they commute with each other, not with its cancel.
 * - The With* constructors and AfterFunc make a new object and register it with the parent's
 *   nearest cancelable context: a registration there (FOOTPRINT_JOIN), nothing when none can
 *   cancel it. A timer a deadline sets touches the clock (withDeadline).
 * - Everything else touches nothing and is no scheduling point: Background, TODO, WithValue,
 *   WithoutCancel, Value, Deadline and String read values that never change; Done returns one
 *   channel, the same whoever asks first (it is made on first use, by Done or by the cancel that
 *   closes it), so a Done before or after a cancel hands out the same channel; what differs is
 *   whether it is closed when received from, which the receive (a turn on the channel) sees.
 * The cancel functions are scheduling points of their own (visibleFunc).
 */
export function contextFootprint(key: string): LibraryFootprint | null {
  if (key === 'context.cancelCtx.Err') return { obj: (a) => statePointed(a[0]), mode: FOOTPRINT_READ };
  if (key === 'context.Cause') return { obj: (a) => stateNear(a[0]), mode: FOOTPRINT_READ };
  if (JOINS.has(key)) return { obj: (a) => stateNear(a[0]), mode: FOOTPRINT_JOIN };
  return null;
}
