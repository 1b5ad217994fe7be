// The run trace: a Monitor (runtime/monitor.ts) that records what a run did as a list of events
// in virtual time, for the app's timeline view, and keeps the little state the deadlock and leak
// explanations (explain.ts) need. The JSON shape is version 1 of the schema in
// trace.schema.json, documented in docs/trace.md; change both with this file.
//
// Size: the event list stops at `maxEvents`, then gets one `truncated` event, and what follows
// is only counted (eventsDropped). The goroutine and object tables, and the explanation state,
// are never cut, so explanations stay right however long the run was.
import type { Monitor, RecvMode, SendMode } from './runtime/monitor.ts';
import { Timer, snapshotTop, type Goroutine } from './runtime/goroutine.ts';
import type { Scheduler } from './runtime/scheduler.ts';
import type { FrameSnapshot } from './runtime/panic.ts';
import { Channel, SelectWait } from './runtime/chan.ts';
import { MutexState, WaitGroupState } from './lib/sync.ts';
import { RWMutexState } from './lib/rwmutex.ts';
import { OnceState } from './lib/once.ts';
import { TimerState } from './lib/timer.ts';
import { jsString } from './runtime/values.ts';

export const TRACE_VERSION = 1;
export const DEFAULT_MAX_EVENTS = 20000;
/** Longest rendering of a value in a send or receive event. */
const MAX_VALUE_CHARS = 64;
/** Longest text of one output write event. */
const MAX_WRITE_CHARS = 1024;

export interface Site { func: string; file: string; line: number }

export interface TraceGoroutine {
  id: number;
  /** The goroutine whose `go` statement started it; 0 for main and for those a timer started. */
  parent: number;
  /** The `go` statement (for main: null). */
  site: Site | null;
  end?: { t: number; step: number; panicked: boolean };
}

export type ObjectKind = 'chan' | 'mutex' | 'rwmutex' | 'waitgroup' | 'timer' | 'cond' | 'once';

export interface TraceObject {
  id: number;
  kind: ObjectKind;
  /** Channels: the buffer size. */
  cap?: number;
  /** Channels: the make() call (absent for a channel the runtime made, like a timer's). */
  site?: Site;
}

interface Common { i: number; t: number; step: number; g: number }

export type TraceEvent = Common & (
  | { kind: 'start'; child: number; parent: number; site: Site | null }
  | { kind: 'end'; panicked: boolean }
  | { kind: 'block'; reason: string; on: number | null; site: Site | null }
  | { kind: 'unblock'; target: number; by: number }
  | { kind: 'make'; ch: number; cap: number; site: Site | null }
  | { kind: 'send'; ch: number; msg: number; value: string; mode: SendMode; to: number | null }
  | { kind: 'recv'; ch: number; msg: number; value: string; ok: boolean; mode: RecvMode; from: number | null; receiver: number }
  | { kind: 'close'; ch: number }
  | { kind: 'select'; chans: (number | null)[]; chosen: number; ready: number }
  | { kind: 'timer-set'; timer: number; when: number }
  | { kind: 'timer-fire'; timer: number }
  | { kind: 'timer-stop'; timer: number }
  | { kind: 'lock'; mu: number; mode: 'lock' | 'rlock'; site: Site | null }
  | { kind: 'unlock'; mu: number; mode: 'unlock' | 'runlock' }
  | { kind: 'wg'; wg: number; delta: number; count: number }
  | { kind: 'write'; fd: 1 | 2; text: string; cut?: number }
  | { kind: 'truncated'; dropped?: number }
);

export type TraceEventKind = TraceEvent['kind'];

export interface Trace {
  version: 1;
  truncated: boolean;
  eventsDropped: number;
  goroutines: TraceGoroutine[];
  objects: TraceObject[];
  events: TraceEvent[];
}

/** What a channel has seen, for the explanations. */
export interface ChannelUse {
  senders: Set<number>;
  receivers: Set<number>;
  closed: boolean;
  /** Values sent and not yet received (buffered). */
  buffered: number;
}

/** Who holds a lock-like object (mutex, RWMutex writer, a Once running its function), from where. */
export interface Holder { g: number; site: Site | null; t: number }

/** A goroutine's current wait, as the last block event said (cleared when it is unblocked). */
export interface Wait {
  reason: string;
  on: number | null;
  site: Site | null;
  /** The object it waits on as the runtime gave it (a select's cases are found through it). */
  raw: unknown;
}

export interface WaitGroupUse {
  count: number;
  /** Sum of the positive changes (Add, Go) and number of -1 changes (Done), over the run. */
  added: number;
  done: number;
  /** Where Add raised the counter (distinct lines, the first few). */
  addSites: Site[];
}

/** A timer's last state, for the explanations; `site` is where it was last set. */
export interface TimerUse { state: 'pending' | 'fired' | 'stopped'; when: number; site: Site | null }

export interface TraceOptions { maxEvents?: number }

type Body = TraceEvent extends infer E ? E extends Common ? Omit<E, keyof Common> : never : never;

export class TraceRecorder implements Monitor {
  readonly maxEvents: number;
  private readonly events: TraceEvent[] = [];
  private dropped = 0;
  private cut = false;
  private readonly ids = new WeakMap<object, number>();
  readonly objects: TraceObject[] = [];
  readonly goroutines = new Map<number, TraceGoroutine>();

  // Explanation state: never cut.
  readonly channels = new Map<number, ChannelUse>();
  readonly holders = new Map<number, Holder>();
  readonly readers = new Map<number, Map<number, Holder>>();
  readonly waitGroups = new Map<number, WaitGroupUse>();
  readonly waits = new Map<number, Wait>();
  readonly timers = new Map<number, TimerUse>();
  /** The timer (time.NewTimer, After, Tick, NewTicker) whose channel a channel id is. */
  readonly timerOfChannel = new Map<number, number>();
  /** Sender goroutine of each message still in a channel buffer (0: the runtime). */
  private readonly bufferedFrom = new Map<number, number>();

  constructor(readonly sched: Scheduler, opts: TraceOptions = {}) {
    this.maxEvents = Math.max(0, Math.floor(opts.maxEvents ?? DEFAULT_MAX_EVENTS));
  }

  /** The trace as JSON-ready data (the recorder may keep recording afterwards). */
  finish(): Trace {
    const events = this.events.slice();
    if (this.cut) {
      const last = events.length - 1;
      events[last] = { ...events[last]!, dropped: this.dropped } as TraceEvent;
    }
    return {
      version: TRACE_VERSION,
      truncated: this.cut,
      eventsDropped: this.dropped,
      goroutines: [...this.goroutines.values()].map((g) => ({ ...g })),
      objects: this.objects.map((o) => ({ ...o })),
      events,
    };
  }

  // ------------------------------------------------------------ naming things

  /** The id of `obj`, giving it one (of `kind`) at its first appearance; null for anything unknown. */
  objectId(obj: unknown, hint: ObjectKind | null = null): number | null {
    if (obj === null || typeof obj !== 'object') return null;
    const id = this.ids.get(obj);
    if (id !== undefined) return id;
    const kind = kindOf(obj) ?? hint;
    if (kind === null) return null;
    return this.register(obj, kind);
  }

  private register(obj: object, kind: ObjectKind, extra?: { cap: number; site: Site | null }): number {
    const id = this.objects.length + 1;
    this.ids.set(obj, id);
    const o: TraceObject = { id, kind };
    if (kind === 'chan') {
      const ch = obj as Channel;
      o.cap = extra ? extra.cap : ch.cap;
      if (extra && extra.site) o.site = extra.site;
      this.channels.set(id, { senders: new Set(), receivers: new Set(), closed: ch.closed, buffered: 0 });
    }
    this.objects.push(o);
    return id;
  }

  private chanId(ch: object): number {
    return this.objectId(ch, 'chan')!;
  }

  object(id: number): TraceObject | undefined { return this.objects[id - 1]; }

  /** The goroutine doing what is happening now: 0 while timers fire or before main starts. */
  private actor(): number {
    const s = this.sched;
    if (s.firingTimers) return 0;
    const g = s.current as Goroutine | undefined;
    return g === undefined ? 0 : g.id;
  }

  /** Whether an event emitted now is kept (past the cap it is only counted: skip rendering it). */
  private room(): boolean { return this.events.length < this.maxEvents; }

  private emit(body: Body, g = this.actor()): void {
    if (!this.room()) { this.drop(); return; }
    this.events.push({ i: this.events.length, t: this.sched.now, step: this.sched.steps, g, ...body } as TraceEvent);
  }

  /** Past the cap: the first event dropped leaves the marker, every one is counted. */
  private drop(): void {
    if (!this.cut) {
      this.cut = true;
      this.events.push({ i: this.events.length, t: this.sched.now, step: this.sched.steps, g: 0, kind: 'truncated' });
    }
    this.dropped++;
  }

  // ------------------------------------------------------------ Monitor

  goStart(g: Goroutine, parent: Goroutine | null): void {
    const site = parent === null && g.createdAt === null ? null : siteOf(g.createdAt);
    const parentId = parent === null ? 0 : parent.id;
    this.goroutines.set(g.id, { id: g.id, parent: parentId, site });
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'start', child: g.id, parent: parentId, site }, parentId);
  }

  goEnd(g: Goroutine, panicked: boolean): void {
    const rec = this.goroutines.get(g.id);
    if (rec) rec.end = { t: this.sched.now, step: this.sched.steps, panicked };
    this.waits.delete(g.id);
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'end', panicked }, g.id);
  }

  block(g: Goroutine, reason: string, on: unknown, site: FrameSnapshot | null): void {
    const id = on instanceof SelectWait ? null : this.objectId(on, hintFor(reason));
    this.waits.set(g.id, { reason, on: id, site, raw: on });
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'block', reason, on: id, site: siteOf(site) }, g.id);
  }

  unblock(g: Goroutine, by: Goroutine | null): void {
    this.waits.delete(g.id);
    const byId = by === null ? 0 : by.id;
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'unblock', target: g.id, by: byId }, byId);
  }

  chanMake(ch: object, cap: number, site: FrameSnapshot | null): void {
    const s = siteOf(site);
    let id = this.ids.get(ch);
    if (id === undefined) id = this.register(ch, 'chan', { cap, site: s });
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'make', ch: id, cap, site: s });
  }

  send(ch: object, msg: number, value: unknown, mode: SendMode, to: Goroutine | null, from: Goroutine | null): void {
    const id = this.chanId(ch);
    const fromId = from === null ? 0 : from.id;
    const use = this.channels.get(id)!;
    if (fromId !== 0) use.senders.add(fromId);
    if (mode === 'buffered') {
      use.buffered++;
      this.bufferedFrom.set(msg, fromId);
    }
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'send', ch: id, msg, value: this.show(value), mode, to: to === null ? null : to.id }, fromId);
  }

  recv(ch: object, g: Goroutine, msg: number, value: unknown, ok: boolean, mode: RecvMode, from: Goroutine | null): void {
    const id = this.chanId(ch);
    const use = this.channels.get(id)!;
    use.receivers.add(g.id);
    let fromId: number | null = from === null ? null : from.id;
    if (mode === 'buffered') {
      use.buffered--;
      const f = this.bufferedFrom.get(msg);
      if (f !== undefined) { this.bufferedFrom.delete(msg); fromId = f; }
    } else if (mode === 'handoff' && from === null) {
      fromId = 0;
    }
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'recv', ch: id, msg, value: this.show(value), ok, mode, from: fromId, receiver: g.id });
  }

  close(ch: object): void {
    const id = this.chanId(ch);
    this.channels.get(id)!.closed = true;
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'close', ch: id });
  }

  select(g: Goroutine, channels: readonly (object | null)[], chosen: number, ready: number): void {
    const chans = channels.map((c) => (c === null ? null : this.chanId(c)));
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'select', chans, chosen, ready }, g.id);
  }

  timerSet(t: object, when: number): void {
    const id = this.objectId(t, 'timer')!;
    const cur = this.sched.current as Goroutine | undefined;
    const site = this.actor() !== 0 && cur !== undefined ? siteOf(snapshotTop(cur)) : null;
    const prev = this.timers.get(id);
    // A ticker re-arms itself from the runtime: keep the line the program set it at.
    this.timers.set(id, { state: 'pending', when, site: site ?? (prev ? prev.site : null) });
    if (prev === undefined && t instanceof TimerState && t.ch !== null) this.timerOfChannel.set(this.chanId(t.ch), id);
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'timer-set', timer: id, when });
  }

  timerFire(t: object): void {
    const id = this.objectId(t, 'timer')!;
    const u = this.timers.get(id);
    if (u) u.state = 'fired';
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'timer-fire', timer: id }, 0);
  }

  timerStop(t: object): void {
    const id = this.objectId(t, 'timer')!;
    const u = this.timers.get(id);
    if (u) u.state = 'stopped';
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'timer-stop', timer: id });
  }

  lock(mu: object, g: Goroutine, kind: 'lock' | 'rlock'): void {
    const id = this.objectId(mu, 'mutex')!;
    // A waiter handed the lock is still parked at its Lock call: its top frame is that line.
    const holder: Holder = { g: g.id, site: siteOf(snapshotTop(g)), t: this.sched.now };
    if (kind === 'lock') this.holders.set(id, holder);
    else {
      let rs = this.readers.get(id);
      if (!rs) this.readers.set(id, (rs = new Map()));
      rs.set(g.id, holder);
    }
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'lock', mu: id, mode: kind, site: holder.site }, g.id);
  }

  unlock(mu: object, g: Goroutine, kind: 'unlock' | 'runlock'): void {
    const id = this.objectId(mu, 'mutex')!;
    if (kind === 'unlock') this.holders.delete(id);
    else {
      const rs = this.readers.get(id);
      // Go lets any goroutine RUnlock: drop the unlocker's own read lock, else any one.
      if (rs) {
        if (rs.has(g.id)) rs.delete(g.id);
        else { const first = rs.keys().next(); if (!first.done) rs.delete(first.value); }
      }
    }
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'unlock', mu: id, mode: kind }, g.id);
  }

  waitGroup(wg: object, delta: number, count: number): void {
    const id = this.objectId(wg, 'waitgroup')!;
    let u = this.waitGroups.get(id);
    if (!u) this.waitGroups.set(id, (u = { count, added: 0, done: 0, addSites: [] }));
    u.count = count;
    if (delta > 0) {
      u.added += delta;
      const cur = this.sched.current as Goroutine | undefined;
      const site = this.actor() !== 0 && cur !== undefined ? siteOf(snapshotTop(cur)) : null;
      if (site && u.addSites.length < 3 && !u.addSites.some((x) => x.line === site.line && x.file === site.file)) u.addSites.push(site);
    } else if (delta < 0) {
      u.done -= delta;
    }
    if (!this.room()) { this.drop(); return; }
    this.emit({ kind: 'wg', wg: id, delta, count });
  }

  write(fd: 1 | 2, text: string): void {
    if (!this.room()) { this.drop(); return; }
    const s = /[\x80-\xff]/.test(text) ? jsString(text) : text;
    if (s.length > MAX_WRITE_CHARS) this.emit({ kind: 'write', fd, text: s.slice(0, MAX_WRITE_CHARS), cut: s.length - MAX_WRITE_CHARS });
    else this.emit({ kind: 'write', fd, text: s });
  }

  // ------------------------------------------------------------ for the explanations

  /**
   * The cases a select parked on `sel` still waits for, found in the channels' wait queues (the
   * block event does not carry them). Only channels the trace has seen are searched.
   */
  selectCasesOf(g: number): { ch: number; send: boolean; index: number }[] {
    const w = this.waits.get(g);
    if (!w || !(w.raw instanceof SelectWait)) return [];
    const out: { ch: number; send: boolean; index: number }[] = [];
    w.raw.cases.forEach((c, index) => {
      if (c.ch !== null) out.push({ ch: this.chanId(c.ch), send: c.send, index });
    });
    return out;
  }

  /** Whether goroutine `id` has ended. */
  ended(id: number): boolean {
    const g = this.goroutines.get(id);
    return g !== undefined && g.end !== undefined;
  }

  // ------------------------------------------------------------ values

  /** A short rendering of a Go value for an event (the trace carries no types). */
  show(v: unknown): string {
    const s = render(v, 2, (o) => this.ids.get(o));
    return s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS - 1) + '…' : s;
  }
}

/** The kind of a runtime or library object, from its class; null when only a hint can tell. */
function kindOf(obj: object): ObjectKind | null {
  if (obj instanceof Channel) return 'chan';
  if (obj instanceof MutexState) return 'mutex';
  if (obj instanceof RWMutexState) return 'rwmutex';
  if (obj instanceof WaitGroupState) return 'waitgroup';
  if (obj instanceof OnceState) return 'once';
  if (obj instanceof Timer || obj instanceof TimerState) return 'timer';
  return null;
}

/** What a goroutine blocked with `reason` waits on, for objects whose class does not say. */
function hintFor(reason: string): ObjectKind | null {
  switch (reason) {
    case 'sync.Cond.Wait': return 'cond';
    case 'sleep': return 'timer';
    default: return null;
  }
}

export function siteOf(f: FrameSnapshot | null | undefined): Site | null {
  return f ? { func: f.func, file: f.file, line: f.line } : null;
}

/** Go's strconv.Quote, for a string already decoded to JS characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    switch (c) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
    }
    if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += c;
  }
  return out + '"';
}

function render(v: unknown, depth: number, idOf: (o: object) => number | undefined): string {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return Object.is(v, -0) ? '0' : String(v).replace('Infinity', 'Inf');
    case 'bigint': return v.toString();
    case 'string': return goQuote(/[\x80-\xff]/.test(v) ? jsString(v) : v);
    case 'function': return 'func';
    case 'object': break;
    default: return '?';
  }
  const o = v as Record<string, unknown>;
  if (o instanceof Channel) {
    const id = idOf(o);
    return id === undefined ? 'chan' : `chan#${id}`;
  }
  if (depth <= 0) return '{...}';
  if (Array.isArray(o)) return '{' + o.map((x) => render(x, depth - 1, idOf)).join(' ') + '}';
  if (o instanceof Map) return `map[${o.size}]`;
  if ('t' in o && 'v' in o) return render(o.v, depth, idOf);
  if ('re' in o && 'im' in o) return `(${render(o.re, 0, idOf)}${Number(o.im) < 0 ? '' : '+'}${render(o.im, 0, idOf)}i)`;
  if ('arr' in o && 'off' in o && 'len' in o) {
    const arr = o.arr as unknown[], off = o.off as number, len = o.len as number;
    const shown = Math.min(len, 8);
    const parts: string[] = [];
    for (let i = 0; i < shown; i++) parts.push(render(arr[off + i], depth - 1, idOf));
    return '[' + parts.join(' ') + (len > shown ? ' ...' : '') + ']';
  }
  if (typeof o.load === 'function') return '&' + (depth > 1 ? render((o.load as () => unknown)(), depth - 1, idOf) : '{...}');
  return '{...}';
}
