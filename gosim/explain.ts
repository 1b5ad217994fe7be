// Plain-language explanations of a deadlock and of leaked goroutines, built from what the run
// trace (trace.ts) saw: for each goroutine still blocked, what it waits for, on which object
// (made where), and why nobody can ever unblock it. A sentence states only what the trace shows:
// who used a channel, who holds a lock, a WaitGroup's last counter. The trace cannot see which
// goroutines merely hold a reference to a channel, so "nobody can" rests on what happened
// (every sender exited) and on how the run ended (everyone blocked, or main returned).
import type { Goroutine } from './runtime/goroutine.ts';
import type { Scheduler } from './runtime/scheduler.ts';
import type { Holder, Site, TraceRecorder } from './trace.ts';

export interface Explanation {
  goroutine: number;
  waitReason: string;
  /** The line it is blocked at (in the program's file), when known. */
  line: number | null;
  text: string;
}

export interface BlockedGoroutine {
  id: number;
  waitReason: string;
  blockedAt: { func: string; file: string; line: number } | null;
}

/**
 * 'deadlock': every goroutine is blocked (the run ended with Go's deadlock error);
 * 'exit': main returned and `blocked` are the goroutines it left behind.
 */
export function explain(rec: TraceRecorder, ending: 'deadlock' | 'exit', blocked: readonly BlockedGoroutine[]): Explanation[] {
  const ex = new Explainer(rec, ending, blocked);
  return [...blocked].sort((a, b) => a.id - b.id).map((b) => ex.one(b));
}

/**
 * The goroutines to explain once a traced run is over, and how it ended: a deadlock (no live
 * goroutine can run) or main having returned with others still blocked. Null when neither
 * (a panic, a timeout, nothing left blocked).
 */
export function blockedAtEnd(sched: Scheduler): { ending: 'deadlock' | 'exit'; blocked: BlockedGoroutine[] } | null {
  const main = sched.main;
  if (main === null) return null;
  const waiting: Goroutine[] = [];
  let running = 0;
  for (const g of sched.live.values()) {
    if (g.state === 'waiting') waiting.push(g);
    else running++;
  }
  if (waiting.length === 0) return null;
  const blocked = waiting.sort((a, b) => a.id - b.id).map((g) => ({
    id: g.id,
    waitReason: g.waitReason,
    blockedAt: g.blockedAt ?? (g.top ? { func: g.top.fn.name, file: g.top.fn.file, line: g.top.line } : null),
  }));
  if (main.state === 'dead' && !sched.mainGoexited) return { ending: 'exit', blocked: blocked.filter((b) => b.id !== main.id) };
  // main blocked with everyone else, or gone through runtime.Goexit leaving only blocked goroutines.
  if (running === 0 && (main.state === 'waiting' || sched.mainGoexited)) return { ending: 'deadlock', blocked };
  return null;
}

/** `prog.go:14`: a site as a learner reads it. */
export function at(site: Site | { file: string; line: number } | null | undefined): string {
  if (!site) return 'an unknown line';
  const slash = site.file.lastIndexOf('/');
  return `${site.file.slice(slash + 1)}:${site.line}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
}

const MAX_NAMED = 4;

class Explainer {
  private readonly blockedIds: Set<number>;
  constructor(readonly rec: TraceRecorder, readonly ending: 'deadlock' | 'exit', blocked: readonly BlockedGoroutine[]) {
    this.blockedIds = new Set(blocked.map((b) => b.id));
  }

  one(b: BlockedGoroutine): Explanation {
    const w = this.rec.waits.get(b.id);
    const site = b.blockedAt ?? w?.site ?? null;
    const reason = b.waitReason || w?.reason || 'unknown';
    const body = this.body(b.id, reason);
    // A sleeper is not stuck: it would have woken, had main not returned first.
    const asleep = reason === 'sleep';
    const head = `${capital(this.who(b.id, true))} is ${asleep ? 'asleep' : 'blocked'} at ${at(site)}: ${body.what}.`;
    const parts = [head, ...body.why];
    if (asleep && this.ending === 'exit') parts.push('main returned before it woke, so it never finished.');
    else if (body.closing) parts.push(this.closing(b.id));
    return { goroutine: b.id, waitReason: reason, line: site ? site.line : null, text: parts.join(' ') };
  }

  /** `goroutine 3 (started at prog.go:12)`, `goroutine 1 (main)`. */
  private who(id: number, full = false): string {
    const g = this.rec.goroutines.get(id);
    if (id === 1 || (g && g.parent === 0 && g.site === null)) return `goroutine ${id} (main)`;
    if (full && g && g.site) return `goroutine ${id} (started at ${at(g.site)})`;
    return `goroutine ${id}`;
  }

  /** `goroutines 2, 3 and 4`, `goroutine 1 (main) and goroutine 5`, at most a few named. */
  private whoList(ids: number[]): string {
    const shown = ids.slice(0, MAX_NAMED);
    const more = ids.length > MAX_NAMED ? [`${ids.length - MAX_NAMED} more`] : [];
    if (shown.length > 1 && shown.every((id) => !this.who(id).includes('('))) return 'goroutines ' + list([...shown.map(String), ...more]);
    return list([...shown.map((id) => this.who(id)), ...more]);
  }

  /** Why the goroutines of the run cannot go on: the ending, said once per explanation. */
  private closing(self: number): string {
    if (this.ending === 'exit') return 'main returned while it was still waiting, so it never finished: it leaked.';
    const others = this.blockedIds.size - 1;
    if (others <= 0 || !this.blockedIds.has(self)) return 'No other goroutine is left to wake it, so the program is deadlocked.';
    return `Every other goroutine is blocked too, so none can wake it: the program is deadlocked.`;
  }

  private channel(id: number): string {
    const o = this.rec.object(id);
    if (!o) return 'a channel';
    const tid = this.rec.timerOfChannel.get(id);
    if (tid !== undefined) {
      const site = this.rec.timers.get(tid)?.site ?? o.site;
      return site ? `the channel of the timer set at ${at(site)}` : `a timer's channel`;
    }
    const kind = o.cap ? `buffered channel (capacity ${o.cap})` : 'unbuffered channel';
    return o.site ? `the ${kind} made at ${at(o.site)}` : `the runtime's ${kind} (a timer's)`;
  }

  /** Where another goroutine stands now: exited, blocked where, or still running. */
  private status(id: number): string {
    if (this.rec.ended(id)) return 'has exited';
    const w = this.rec.waits.get(id);
    if (w) return `is itself blocked at ${at(w.site)} (${w.reason})`;
    return 'is still running';
  }

  private body(id: number, reason: string): { what: string; why: string[]; closing: boolean } {
    const w = this.rec.waits.get(id);
    switch (reason) {
      case 'chan send (nil chan)':
        return { what: 'it sends on a nil channel', why: ['The channel is nil (never made with make, or set to nil), and sending on a nil channel blocks forever.'], closing: false };
      case 'chan receive (nil chan)':
        return { what: 'it receives from a nil channel', why: ['The channel is nil (never made with make, or set to nil), and receiving from a nil channel blocks forever.'], closing: false };
      case 'select (no cases)':
        return { what: 'it runs an empty select {}', why: ['A select with no cases blocks forever.'], closing: false };
    }
    if (reason === 'chan send' || reason === 'chan receive' || reason === 'select') {
      const cases = this.rec.selectCasesOf(id);
      if (w && w.on !== null && (reason === 'chan send' || reason === 'chan receive')) {
        return this.chanWait(id, w.on, reason === 'chan send');
      }
      if (cases.length === 1 && reason !== 'select') return this.chanWait(id, cases[0]!.ch, cases[0]!.send);
      if (reason === 'select') {
        if (cases.length === 0) {
          return { what: 'it waits in a select whose cases are all on nil channels', why: ['A nil channel is never ready, so none of the cases can ever proceed.'], closing: false };
        }
        const why = cases.map((c) => `Case ${c.index + 1} ${c.send ? 'sends on' : 'receives from'} ${this.channel(c.ch)}: ${this.noPartner(id, c.ch, c.send)}.`);
        return { what: 'it waits in a select and none of its cases is ready', why, closing: true };
      }
    }
    if (w === undefined || w.on === null) {
      return { what: `it waits (${reason})`, why: [], closing: true };
    }
    const kind = this.rec.object(w.on)?.kind;
    switch (reason) {
      case 'sync.Mutex.Lock':
        if (kind === 'once') return this.onceWait(id, w.on);
        return this.lockWait(id, w.on, kind === 'rwmutex' ? 'RWMutex' : 'Mutex');
      case 'sync.RWMutex.Lock':
        return this.rwLockWait(id, w.on);
      case 'sync.RWMutex.RLock':
        return this.rwRLockWait(id, w.on);
      case 'sync.WaitGroup.Wait':
        return this.wgWait(w.on);
      case 'sleep': {
        const t = this.rec.timers.get(w.on);
        const until = t ? ` until ${virtualTime(t.when)} of virtual time` : '';
        return { what: `it sleeps in time.Sleep${until}`, why: [], closing: true };
      }
      case 'sync.Cond.Wait':
        return { what: 'it waits in sync.Cond.Wait for a Signal or Broadcast', why: ['No Signal or Broadcast has woken it since it began to wait.'], closing: true };
      default:
        return { what: `it waits (${reason})`, why: [], closing: true };
    }
  }

  /** For a timer's channel: why no value comes from its timer (null for other channels). */
  private timerWhy(ch: number): string | null {
    const tid = this.rec.timerOfChannel.get(ch);
    if (tid === undefined) return null;
    const u = this.rec.timers.get(tid);
    if (!u) return null;
    if (u.state === 'pending') return `its timer had not fired yet (due at ${virtualTime(u.when)} of virtual time)`;
    if (u.state === 'stopped') return 'its timer was stopped, so no value will come';
    const use = this.rec.channels.get(ch);
    if (use && use.buffered > 0) return 'its timer fired';
    return 'its timer already fired and its value was taken, so no other value will come';
  }

  /** Why no goroutine will be the other side of a send (or receive) on channel `ch`. */
  private noPartner(self: number, ch: number, send: boolean): string {
    if (!send) {
      const t = this.timerWhy(ch);
      if (t !== null) return t;
    }
    const use = this.rec.channels.get(ch);
    if (!use) return send ? 'nobody receives from it' : 'nobody sends on it';
    const partners = [...(send ? use.receivers : use.senders)].filter((g) => g !== self && g !== 0).sort((a, b) => a - b);
    const verb = send ? 'received from it' : 'sent on it';
    if (partners.length === 0) return `no other goroutine has ever ${verb}`;
    const alive = partners.filter((g) => !this.rec.ended(g));
    if (alive.length === 0) {
      if (partners.length > 1) return `every goroutine that ${verb} (${this.whoList(partners)}) has exited`;
      const only = partners[0]!;
      if (this.who(only).endsWith('(main)')) return `only the main goroutine ${verb}, and main has ${this.ending === 'exit' ? 'returned' : 'exited'}`;
      return `the only goroutine that ${verb}, ${this.who(only)}, has exited`;
    }
    return alive.slice(0, MAX_NAMED).map((g) => `${this.who(g)}, which ${verb} before, ${this.status(g)}`).join('; ');
  }

  private chanWait(self: number, ch: number, send: boolean): { what: string; why: string[]; closing: boolean } {
    const use = this.rec.channels.get(ch);
    const o = this.rec.object(ch);
    const what = `${send ? 'it waits to send on' : 'it waits to receive from'} ${this.channel(ch)}`;
    const why: string[] = [];
    if (send && o && o.cap && use) why.push(`Its buffer is full (${use.buffered} of ${o.cap} values unread).`);
    why.push(capital(this.noPartner(self, ch, send)) + '.');
    if (!send && !this.rec.timerOfChannel.has(ch)) why.push('Nobody closed it either: a close is the only other way this receive, or a range loop over the channel, could end.');
    return { what, why, closing: true };
  }

  private holderText(self: number, h: Holder, thing: string): string {
    if (h.g === self) return `It already holds this ${thing} itself: it locked it at ${at(h.site)} and has not unlocked it.`;
    if (this.rec.ended(h.g)) return `${capital(this.who(h.g))} locked it at ${at(h.site)} and exited without unlocking it.`;
    return `${capital(this.who(h.g))} has held it since ${at(h.site)} and ${this.status(h.g)}.`;
  }

  private lockWait(self: number, mu: number, type: 'Mutex' | 'RWMutex'): { what: string; why: string[]; closing: boolean } {
    const h = this.rec.holders.get(mu);
    const what = `it waits to lock a sync.${type}`;
    if (!h) return { what, why: [`The ${type} is locked.`], closing: true };
    const why = [this.holderText(self, h, type === 'Mutex' ? 'mutex' : 'RWMutex')];
    if (h.g === self) why.push(`A sync.${type} is not reentrant: locking it again before Unlock blocks forever.`);
    return { what, why, closing: h.g !== self };
  }

  private onceWait(self: number, once: number): { what: string; why: string[]; closing: boolean } {
    const h = this.rec.holders.get(once);
    const what = 'it waits in sync.Once.Do for the function another call is running';
    if (!h) return { what, why: [], closing: true };
    if (h.g === self) {
      return { what, why: [`That call is its own: Do was entered again at ${at(h.site)} from inside the function Do is running, which waits for itself.`], closing: false };
    }
    return { what, why: [`${capital(this.who(h.g))} started it at ${at(h.site)} and ${this.status(h.g)}.`], closing: true };
  }

  private rwLockWait(self: number, mu: number): { what: string; why: string[]; closing: boolean } {
    const rs = [...(this.rec.readers.get(mu) ?? new Map<number, Holder>()).values()].sort((a, b) => a.g - b.g);
    const what = 'it waits in RWMutex.Lock for the read locks to be released';
    const why = rs.slice(0, MAX_NAMED).map((h) =>
      h.g === self
        ? `It holds a read lock itself (RLock at ${at(h.site)}), and Lock waits for every reader, this one included.`
        : `${capital(this.who(h.g))} holds a read lock since ${at(h.site)} and ${this.status(h.g)}.`);
    return { what, why, closing: !rs.every((h) => h.g === self) || rs.length === 0 };
  }

  private rwRLockWait(self: number, mu: number): { what: string; why: string[]; closing: boolean } {
    const what = 'it waits in RWMutex.RLock because a writer holds or is waiting for the lock';
    const h = this.rec.holders.get(mu);
    if (h) return { what, why: [this.holderText(self, h, 'RWMutex')], closing: h.g !== self };
    for (const [g, w] of this.rec.waits) {
      if (w.on === mu && w.reason === 'sync.RWMutex.Lock') {
        return { what, why: [`${capital(this.who(g))} waits in Lock at ${at(w.site)}; new readers wait until that writer is done.`], closing: true };
      }
    }
    return { what, why: [], closing: true };
  }

  private wgWait(wg: number): { what: string; why: string[]; closing: boolean } {
    const u = this.rec.waitGroups.get(wg);
    const what = 'it waits in WaitGroup.Wait';
    if (!u) return { what, why: [], closing: true };
    const n = u.count;
    const where = u.addSites.length > 0 ? ` (Add at ${list(u.addSites.map(at))})` : '';
    const times = (k: number) => (k === 1 ? 'once' : `${k} times`);
    const why = [`The WaitGroup counter is still ${n}: it was raised by ${u.added} in all${where} and Done was ${u.done === 0 ? 'never called' : `called ${times(u.done)}`}, so Wait needs ${n} more Done call${n === 1 ? '' : 's'}.`];
    return { what, why, closing: true };
  }
}

/** Virtual time since the program started, in the largest unit that keeps it readable. */
function virtualTime(ns: number): string {
  const units: [number, string][] = [[3600e9, 'h'], [60e9, 'min'], [1e9, 's'], [1e6, 'ms'], [1e3, 'µs']];
  for (const [size, name] of units) {
    if (ns >= size) return `${+(ns / size).toFixed(3)}${name}`;
  }
  return `${ns}ns`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
