// The systematic search of explore(): a depth-first walk over runs' choices with dynamic
// partial-order reduction (source-DPOR with sleep sets: Flanagan and Godefroid, POPL 2005;
// Abdulla et al., POPL 2014). PathRun follows one path of choices and records each turn's
// footprint; after the run, addBacktracks finds pairs of turns of different goroutines that
// touched the same object in ways that do not commute (modesConflict, in the order they ran)
// and were not already ordered by something else (program order, a goroutine start, a wake-up,
// another conflict, or for a goroutine that started alike with an earlier one, that one's first
// operation: Explorer.follows) -- a race -- and marks the state before the earlier turn to try, first,
// a move that starts the reversed order (a source set). Sleep sets skip orders already covered.
// Orders of independent turns (two goroutines touching different channels) are thus not tried
// twice, while every order of conflicting ones is. A goroutine's alternative partners, and
// ready select cases, are local choices tried in full. The end of the program conflicts with
// everything, so goroutines that could still have run get their chance. When no marked
// alternative is left (nextPath), the search was exhaustive. docs/architecture.md ("What
// explore explores") lists what depends on what and why no outcome is lost.
import { EVERYTHING, FOOTPRINT_ARRIVE, FOOTPRINT_BUF_RECV, FOOTPRINT_BUF_RECV_KEPT, FOOTPRINT_BUF_RECV_LAST, FOOTPRINT_BUF_SEND, FOOTPRINT_BUF_SEND_KEPT, FOOTPRINT_BUF_SEND_LAST, NO_KEY, valueKey, accessesConflict, FOOTPRINT_DEC, FOOTPRINT_POLL, FOOTPRINT_POLL_CLOSED, FOOTPRINT_READ, FOOTPRINT_RW, FOOTPRINT_WG_UP, FOOTPRINT_WG_ZERO, Objects, modesEnable, waitingMode, type Explorer } from '../runtime/footprint.ts';
import type { Goroutine } from '../runtime/goroutine.ts';
import { CLOCK } from '../runtime/scheduler.ts';
import type { Monitor } from '../runtime/monitor.ts';
import { RunAborted } from '../execute.ts';
import { Streak, goroutineOf, movesOf, partnerOf } from './witness.ts';

/** One choice of the current path: which move ran (kind G) or which select case (kind V). */
export interface Node {
  kind: 'G' | 'V';
  /** Moves (G), or 0..n-1 (V). */
  options: number[];
  chosen: number;
  /** Options tried from this node (small lists: a handful of goroutines or cases). */
  done: number[];
  /** Options still to try from this node (DPOR adds to it for G; V tries every option). */
  backtrack: number[];
  /**
   * G only: goroutines that need not run next from this state (a sleep set): running them first
   * was already covered, because their next turn is independent of everything done since.
   */
  sleep: Map<number, Footprint>;
  /** G only: what each goroutine's turn from this state touched, in the runs so far. */
  fps: Map<number, Footprint>;
}

/**
 * What one turn touched: objects and how (FOOTPRINT_RW / FOOTPRINT_DEC). Objects are numbered
 * in the order a run first touches them, so that footprints compare across runs: runs with
 * the same prefix number the same objects alike, and two turns from one state that touch new
 * objects both start from the same next number, so they are never wrongly found independent.
 * ALL stands for library state not modelled finely: it conflicts with everything.
 */
interface Footprint {
  objs: number[];
  modes: number[];
  /**
   * How many objects the run had numbered when the turn began. Every run through the turn's node
   * numbers those alike; an object numbered from here on was first touched by this turn, and a
   * later run, touching objects in another order after the node, may give it another number.
   */
  base: number;
  /** Where modes[i] is a valued buffered mode (FOOTPRINT_BUF_SEND_KEPT...): vals[i] is the value's key. */
  vals?: unknown[];
}

/** The sleep set of most states: nobody asleep (shared, never written). */
const NO_SLEEP: Map<number, Footprint> = new Map();

function addTo(list: number[], x: number): void {
  if (!list.includes(x)) list.push(x);
}
const ALL = -1;

/**
 * Whether turn a, then turn b, fail to commute. For a sleep set (`asleep`: a's move stays
 * asleep after b ran unless they conflict) an arrival never wakes a move: the move does the
 * same after it; what the arrival makes possible is a new move (with the arrived partner).
 */
function conflicts(a: Footprint, b: Footprint, asleep = false): boolean {
  for (let i = 0; i < a.objs.length; i++) {
    for (let j = 0; j < b.objs.length; j++) {
      const x = a.objs[i]!, y = b.objs[j]!;
      if (asleep && b.modes[j] === FOOTPRINT_ARRIVE) continue;
      // b may be of a later run than a: an object a touched first may have any number not below a.base there.
      if (x === ALL || y === ALL || ((x === y || (x >= a.base && y >= a.base)) && accessesConflict(a.modes[i]!, a.vals?.[i], b.modes[j]!, b.vals?.[j]))) return true;
    }
  }
  return false;
}

function mergeInto(m: Map<number, Footprint>, g: number, fp: Footprint): void {
  let into = m.get(g);
  if (into === undefined) { into = { objs: [], modes: [], base: fp.base }; m.set(g, into); }
  // Every run through this state merges its turn here: keep each (object, mode, value) once.
  for (let i = 0; i < fp.objs.length; i++) {
    const v = fp.vals?.[i];
    let seen = false;
    for (let j = 0; j < into.objs.length; j++) {
      if (into.objs[j] === fp.objs[i] && into.modes[j] === fp.modes[i] && Object.is(into.vals?.[j], v)) { seen = true; break; }
    }
    if (!seen) {
      if (v !== undefined) (into.vals ??= [])[into.objs.length] = v;
      into.objs.push(fp.objs[i]!);
      into.modes.push(fp.modes[i]!);
    }
  }
}

/** One turn of a run: who ran, from which node, what it touched, who enabled it. */
interface Turn {
  g: number;
  /** The move that ran it (g, or g with a partner: moveOf); the partner's id, or 0. */
  move: number;
  partner: number;
  node: number;
  objs: number[];
  modes: number[];
  /** As in Footprint: the keys of the values of valued buffered modes, and the objects numbered before it. */
  vals?: unknown[];
  base: number;
  /** The turn that made g runnable (started or woke it) since g's previous turn, or -1. */
  enabledBy: number;
  /** g's first turn: the first turn of the goroutine that started alike before it and that g waited for (Explorer.follows), or -1. */
  after: number;
}

/** Follows a path of choices and extends it with default ones (depth-first search), or random ones. */
export class PathRun implements Explorer {
  pos = 0;
  turns: Turn[] = [];
  cur: Turn | null = null;
  witness: number[] = [];
  /** goroutine id -> the turn that last made it runnable. */
  private enabler = new Map<number, number>();
  /** goroutine id -> the turn it waited for to have its first (follows). */
  private twinFirst = new Map<number, number>();
  /** A replayed choice was not among the options: the program ran differently under the same choices. */
  diverged = false;

  /** The node whose choice this run changes (the path's last), and the first turn from there on. */
  private readonly changedAt: number;
  firstNewTurn: number;

  /** The run went past maxDepth choices: from then on it takes default ones and records nothing. */
  beyond = false;
  private picks = 0;
  private readonly streak = new Streak();

  constructor(
    readonly path: Node[],
    private readonly random: (() => number) | null,
    private readonly deadline: number,
    private readonly reduce = true,
    private readonly maxDepth = 5000,
  ) {
    this.changedAt = path.length - 1;
    this.firstNewTurn = this.changedAt < 0 ? 0 : -1;
  }

  /** The G node of the turn now ending, and its footprint: the sleep set of the next G node comes from them. */
  private lastG: Node | null = null;
  /** Every runnable goroutine was asleep: this run only repeats covered schedules. */
  sleepBlocked = false;

  private next(kind: 'G' | 'V', options: number[]): number {
    // Turns before this run's changed choice repeat the previous run's, races and all.
    if (this.pos === this.changedAt) this.firstNewTurn = kind === 'G' ? this.turns.length : Math.max(0, this.turns.length - 1);
    let x: number;
    if (this.pos < this.path.length) {
      const node = this.path[this.pos]!;
      if (node.kind === kind && options.includes(node.chosen)) x = node.chosen;
      else { this.diverged = true; x = options[0]!; }
    } else {
      let sleep: Map<number, Footprint> = NO_SLEEP;
      if (kind === 'G' && this.random === null && this.reduce) {
        sleep = this.sleepAfterLastTurn();
        const awake = options.filter((o) => !sleep.has(o));
        if (awake.length === 0) {
          this.sleepBlocked = true;
          throw new RunAborted('explore: sleep-set blocked');
        }
        x = awake[0]!;
      } else {
        x = this.random !== null ? options[Math.floor(this.random() * options.length)]! : options[0]!;
      }
      const node: Node = { kind, options, chosen: x, done: [x], backtrack: kind === 'V' ? options.slice() : [x], sleep, fps: new Map() };
      if (kind === 'G' && options.length > 1) addPartnerChoices(node, x);
      this.path.push(node);
    }
    this.pos++;
    if (options.length > 1) this.witness.push(options.indexOf(x));
    return x;
  }

  /**
   * The sleep set of a new state: the goroutines asleep at the previous state, and the ones
   * already tried there, whose next turn is independent of the turn just run.
   */
  private sleepAfterLastTurn(): Map<number, Footprint> {
    const prev = this.lastG;
    const t = this.cur;
    if (prev === null || t === null || t.g === 0 || (prev.sleep.size === 0 && prev.done.length < 2)) return NO_SLEEP;
    const out = new Map<number, Footprint>();
    const fp: Footprint = { objs: t.objs, modes: t.modes, vals: t.vals, base: t.base };
    // A move of a goroutine that took part in the turn is gone with it.
    const consider = (m: number, f: Footprint) => {
      const g = goroutineOf(m), p = partnerOf(m);
      if (g !== t.g && g !== t.partner && p !== t.g && (p === 0 || p !== t.partner) && !out.has(m) && !conflicts(f, fp, true)) out.set(m, f);
    };
    for (const [g, f] of prev.sleep) consider(g, f);
    for (const g of prev.done) {
      if (g === prev.chosen) continue;
      const f = prev.fps.get(g);
      if (f !== undefined) consider(g, f);
    }
    return out;
  }

  /** Ends the running turn: its footprint is recorded at its G node. */
  endTurn(): void {
    const t = this.cur;
    if (t === null || t.node < 0) return;
    const node = this.path[t.node]!;
    mergeInto(node.fps, t.move, { objs: t.objs, modes: t.modes, vals: t.vals, base: t.base });
  }

  pickGoroutine(runnable: readonly Goroutine[], partners?: readonly (Goroutine | null)[]): number {
    if ((++this.picks & 255) === 0 && Date.now() > this.deadline) throw new RunAborted('explore: out of time');
    const ids = movesOf(runnable, partners);
    if (this.beyond || this.pos >= this.maxDepth) {
      const k = this.goBeyond(ids);
      this.streak.note(ids[k]!);
      return k;
    }
    this.endTurn();
    const move = this.next('G', ids);
    this.streak.note(move);
    this.lastG = this.path[this.pos - 1]!;
    const id = goroutineOf(move);
    const by = this.enabler.get(id);
    this.enabler.delete(id);
    this.cur = { g: id, move, partner: partnerOf(move), node: this.pos - 1, objs: [], modes: [], enabledBy: by ?? -1, after: this.afterTwin(id), base: this.ids.size };
    this.startTurn(this.cur);
    this.turns.push(this.cur);
    return ids.indexOf(move);
  }

  /** Past maxDepth: default choices, nothing recorded (a loop that polls forever stays cheap). */
  private goBeyond(ids: readonly number[]): number {
    if (!this.beyond) {
      this.endTurn();
      this.beyond = true;
      this.cur = null;
    }
    return this.streak.pick(ids);
  }

  pickValue(n: number): number {
    if (this.beyond) return 0;
    const options = Array.from({ length: n }, (_, i) => i);
    return this.next('V', options);
  }

  private ids = new Map<unknown, number>();
  private idOf(obj: unknown): number {
    if (obj === EVERYTHING || !this.reduce) return ALL;
    let id = this.ids.get(obj);
    if (id === undefined) { id = this.ids.size; this.ids.set(obj, id); }
    return id;
  }

  /** Where the footprint of the running turn's latest operation starts (blocked() changes only that one). */
  private opStart = 0;

  touch(obj: unknown, mode: number): void {
    const t = this.cur;
    if (t === null || obj === null || obj === undefined) return;
    this.opStart = t.objs.length;
    if (obj instanceof Objects) {
      for (const o of obj.list) if (o !== null && o !== undefined) { t.objs.push(this.idOf(o)); t.modes.push(mode); }
      return;
    }
    t.objs.push(this.idOf(obj));
    t.modes.push(mode);
  }

  ended(pending: readonly Goroutine[]): void {
    const t = this.cur;
    if (t === null || this.beyond) return;
    // Ending the program conflicts with everything; each goroutine that could still have run
    // gets a turn of its own that never happened, touching everything, so that DPOR tries
    // running it before the end.
    t.objs.push(ALL);
    t.modes.push(FOOTPRINT_RW);
    for (const g of pending) {
      const by = this.enabler.get(g.id);
      this.turns.push({ g: g.id, move: g.id, partner: 0, node: -1, objs: [ALL], modes: [FOOTPRINT_RW], enabledBy: by ?? -1, after: this.afterTwin(g.id), base: this.ids.size });
    }
    this.cur = null;
  }

  blocked(obj: unknown): void {
    const t = this.cur;
    if (t === null || !this.reduce) return;
    const list = obj instanceof Objects ? obj.list : [obj];
    for (const o of list) {
      if (o === null || o === undefined) continue;
      const id = this.ids.get(o);
      for (let i = this.opStart; i < t.objs.length; i++) {
        if (t.objs[i] === id) t.modes[i] = waitingMode(t.modes[i]!);
      }
    }
  }

  runtimeTurn(): void {
    if (this.beyond) return;
    this.endTurn();
    this.lastG = null;
    this.cur = { g: 0, move: 0, partner: 0, node: -1, objs: [], modes: [], enabledBy: -1, after: -1, base: this.ids.size };
    this.turns.push(this.cur);
  }

  /** Without reduction every turn counts as touching everything, even one that touches nothing. */
  private startTurn(t: Turn): void {
    if (!this.reduce) { t.objs.push(ALL); t.modes.push(FOOTPRINT_RW); }
  }

  enabled(g: Goroutine): void {
    if (this.cur !== null && !this.beyond) this.enabler.set(g.id, this.turns.lastIndexOf(this.cur));
  }

  follows(g: Goroutine): void {
    if (this.cur !== null && !this.beyond) this.twinFirst.set(g.id, this.turns.lastIndexOf(this.cur));
  }

  private afterTwin(id: number): number {
    const t = this.twinFirst.get(id);
    if (t === undefined) return -1;
    this.twinFirst.delete(id);
    return t;
  }

  /**
   * A due timer was stopped: its firing, a move that will not come now, gets a turn that never
   * happened, touching the clock as a firing does, so that DPOR finds the race with the Stop
   * (or Reset) and tries the firing first (as ended() does for goroutines that could have run).
   */
  disabled(g: Goroutine): void {
    if (this.cur === null || this.beyond) return;
    const by = this.enabler.get(g.id);
    this.turns.push({ g: g.id, move: g.id, partner: 0, node: -1, objs: [this.idOf(CLOCK)], modes: [FOOTPRINT_DEC], enabledBy: by ?? -1, after: -1, base: this.ids.size });
  }

  waitDisabled(g: Goroutine, obj: unknown, mode: number): void {
    if (this.cur === null || this.beyond) return;
    const by = this.enabler.get(g.id);
    this.turns.push({ g: g.id, move: g.id, partner: 0, node: -1, objs: [this.idOf(obj)], modes: [mode], enabledBy: by ?? -1, after: -1, base: this.ids.size });
  }

  get holdsBlocked(): boolean { return this.reduce; }

  tookClosed(): void {
    const t = this.cur;
    if (t === null) return;
    for (let i = 0; i < t.modes.length; i++) if (t.modes[i] === FOOTPRINT_POLL) t.modes[i] = FOOTPRINT_POLL_CLOSED;
  }

  buffered(ch: unknown, value: unknown, kept: boolean): void {
    const t = this.cur;
    if (t === null || !this.reduce) return;
    const key = valueKey(value);
    const i = this.opStart;
    if (key === NO_KEY || t.objs[i] !== this.ids.get(ch)) return;
    const m = t.modes[i];
    if (m === FOOTPRINT_BUF_SEND) t.modes[i] = kept ? FOOTPRINT_BUF_SEND_KEPT : FOOTPRINT_BUF_SEND_LAST;
    else if (m === FOOTPRINT_BUF_RECV) t.modes[i] = kept ? FOOTPRINT_BUF_RECV_KEPT : FOOTPRINT_BUF_RECV_LAST;
    else return;
    (t.vals ??= [])[i] = key;
  }

  onlyRead(obj: unknown): void {
    const t = this.cur;
    if (t === null || !this.reduce) return;
    const id = this.ids.get(obj);
    for (let i = 0; i < t.objs.length; i++) if (t.objs[i] === id) t.modes[i] = FOOTPRINT_READ;
  }

  /**
   * A WaitGroup counter changed. Add and Done were touched as commuting decrements; now that the
   * counter is known, a decrement that leaves it above zero stays one, one that brings it to
   * exactly zero (waking the waiters) becomes a zero-reaching change, an Add(1) from above zero
   * an increment (modesConflict says which of these commute), and anything else (raising the
   * counter from zero, taking it below zero: a panic, Add(0) at zero) a write.
   */
  waitGroupChanged(delta: number, count: number): void {
    const t = this.cur;
    if (t === null) return;
    let m: number;
    if (count > 0 && delta <= 0) return;
    else if (delta === 1 && count > 1) m = FOOTPRINT_WG_UP;
    else if (count === 0 && delta < 0) m = FOOTPRINT_WG_ZERO;
    else m = FOOTPRINT_RW;
    for (let i = 0; i < t.modes.length; i++) if (t.modes[i] === FOOTPRINT_DEC) t.modes[i] = m;
  }
}

const ignore = (): void => {};
/** The monitor of an explored run: only WaitGroup changes matter to it. */
export function exploreMonitor(pr: PathRun): Monitor {
  return {
    goStart: ignore, goEnd: ignore, block: ignore, unblock: ignore, chanMake: ignore, send: ignore, recv: ignore,
    close: ignore, select: ignore, timerSet: ignore, timerFire: ignore, timerStop: ignore, lock: ignore, unlock: ignore,
    write: ignore,
    waitGroup: (_wg, delta, count) => pr.waitGroupChanged(delta, count),
  };
}

/**
 * DPOR after a run: for each turn, the latest earlier turn of another goroutine that touched one
 * of the same objects in a conflicting way and is not ordered before it otherwise; the state
 * before that turn gets this turn's goroutine (or, if it was not runnable there, every runnable
 * goroutine) to try.
 */
export function addBacktracks(path: Node[], turns: Turn[], from: number): void {
  const n = turns.length;
  // clocks[t][slot[g]]: the latest turn of goroutine g (or timer firing: Scheduler.moverOf) that
  // happens before or is turn t (-1: none). Slots number the goroutines and timers of the run densely.
  const slots = new Map<number, number>([[0, 0]]);
  const slot = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const g = turns[t]!.g;
    let s = slots.get(g);
    if (s === undefined) { s = slots.size; slots.set(g, s); }
    slot[t] = s;
  }
  const width = slots.size;
  // One buffer for all the clocks of the run (a run may have thousands of turns).
  const flat = new Int32Array(n * width);
  const clocks: Int32Array[] = new Array(n);
  const lastOf = new Int32Array(width).fill(-1);
  /** The turns t depends on: for its clock; those it conflicts with (could have gone after it): for races. */
  const deps: number[] = [];
  const races: number[] = [];
  /** Per object: the turns that touched it and how, in order. */
  const objs = new Map<number, { turns: number[]; modes: number[]; vals: unknown[] }>();
  /** Turns that touched ALL, and every turn that touched anything (what ALL conflicts with). */
  const alls: number[] = [];
  const touching: number[] = [];
  for (let t = 0; t < n; t++) {
    const T = turns[t]!;
    const p = T.g;
    const sp = slot[t]!;
    const clock = flat.subarray(t * width, (t + 1) * width);
    if (p === 0) {
      // The clock moves on only when nothing else can go: after everything so far.
      clock.set(lastOf);
    } else {
      const prev = lastOf[sp]!;
      if (prev >= 0) clock.set(clocks[prev]!);
      else clock.fill(-1);
      if (T.enabledBy >= 0) join(clock, clocks[T.enabledBy]!);
      if (T.after >= 0) join(clock, clocks[T.after]!);
    }
    deps.length = 0;
    races.length = 0;
    /** j and t would have run in the other order had t's goroutine been scheduled first: a race, unless something else orders them. */
    const race = (j: number): void => {
      const q = turns[j]!.g;
      if (q === p || p === 0 || q === 0 || t < from) return;
      if (clock[slot[j]!]! >= j) return;
      races.push(j);
    };
    const dep = (j: number): void => {
      deps.push(j);
      race(j);
    };
    for (let k = 0; k < T.objs.length; k++) {
      const o = T.objs[k]!;
      if (o === ALL) {
        for (const j of touching) dep(j);
        continue;
      }
      let st = objs.get(o);
      if (st === undefined) { st = { turns: [], modes: [], vals: [] }; objs.set(o, st); }
      const m = T.modes[k]!;
      const v = T.vals?.[k];
      for (let i = 0; i < st.turns.length; i++) {
        const e = st.modes[i]!;
        if (!accessesConflict(e, st.vals[i], m, v)) continue;
        // What let t go ahead orders it, but t could not have gone first: no race.
        if (modesEnable(e, m)) deps.push(st.turns[i]!);
        // An arrival after a select (or a wait) that could have taken the arriving goroutine as
        // a partner: in the other order there is one more move, the partnered one, so it is a
        // race to reverse; but it orders nothing, an arrival changing no state. Ordering t after
        // j would hide a race of t's goroutine's next operations with what came before j, and
        // the run that reverses this one may end, sleep-set blocked, before showing it.
        else if (m === FOOTPRINT_ARRIVE) race(st.turns[i]!);
        else dep(st.turns[i]!);
      }
      for (const j of alls) dep(j);
    }
    // What orders t apart from its conflicts, kept for reversing a race.
    const pre = races.length > 0 ? clock.slice() : null;
    for (const j of deps) join(clock, clocks[j]!);
    clock[sp] = t;
    clocks[t] = clock;
    // Every race is reversed, not only the latest (Flanagan and Godefroid's rule, sound where each
    // process's next step is checked at every prefix of the run, not once as here), and not only
    // those no other conflicting turn orders: such a turn may itself be no race to reverse (an
    // Unlock before a Lock, a Wait still blocked), which would lose the order where t comes
    // first. Sleep sets keep the extra reversals from costing runs on the benchmark's programs.
    for (const j of races) reverse(path, turns, slot, clocks, pre!, deps, j, t);
    lastOf[sp] = t;
    if (T.objs.length > 0) touching.push(t);
    for (let k = 0; k < T.objs.length; k++) {
      const o = T.objs[k]!;
      if (o === ALL) { if (alls[alls.length - 1] !== t) alls.push(t); continue; }
      const st = objs.get(o)!;
      st.turns.push(t);
      st.modes.push(T.modes[k]!);
      st.vals.push(T.vals?.[k]);
    }
  }
}

/**
 * Schedule the race (j, t) the other way round: from the state before turn j, run what does
 * not depend on j, then t. Any goroutine that can start that sequence will do (Abdulla et al.'s
 * source sets, POPL 2014): one whose first turn in it follows no other turn of it. When none was
 * runnable at j (t's goroutine was woken by j itself), every runnable one is tried.
 */
function reverse(path: Node[], turns: Turn[], slot: Int32Array, clocks: Int32Array[], preT: Int32Array, deps: readonly number[], j: number, t: number): void {
  const node = path[turns[j]!.node];
  if (node === undefined) return;
  const sj = slot[j]!;
  // What orders t in the sequence: its program order and wake-up (preT), and every turn it
  // depends on other than j that does not happen after j (those stay before t when j moves
  // after it). Without them t's goroutine could pass for one that starts the sequence although
  // t must follow a turn in it (a len(ch) read before the send t is).
  const tClock = (): Int32Array => {
    let ck = preT;
    for (const d of deps) {
      if (d === j || clocks[d]![sj]! >= j) continue;
      if (ck === preT) ck = preT.slice();
      join(ck, clocks[d]!);
    }
    return ck;
  };
  // The turns after j that do not happen after it, then t.
  const seq: number[] = [];
  for (let k = j + 1; k < t; k++) if (turns[k]!.g !== 0 && clocks[k]![sj]! < j) seq.push(k);
  seq.push(t);
  /** Goroutines that can start the sequence, and the turn each starts it with. */
  const initials: number[] = [];
  const firsts: number[] = [];
  for (let a = 0; a < seq.length; a++) {
    const k = seq[a]!;
    const gk = turns[k]!.g;
    if (initials.includes(gk)) continue;
    const ck = k === t ? tClock() : clocks[k]!;
    let first = true;
    for (let b = 0; b < a; b++) {
      const i = seq[b]!;
      if (turns[i]!.g === gk || ck[slot[i]!]! >= i) { first = false; break; }
    }
    if (first) { initials.push(gk); firsts.push(k); }
  }
  // Each initial's moves at the node: all of its goroutine's, alone and with each partner. They
  // are one goroutine's local choices (addPartnerChoices tries them all once one is chosen), and
  // the turn that starts the sequence may be one that never happened (a goroutine that could
  // still have run when the program ended), which stands for any of them.
  const movesAt: number[][] = [];
  for (let i = 0; i < initials.length; i++) {
    const ms = node.options.filter((o) => goroutineOf(o) === initials[i]);
    if (ms.length > 0) movesAt.push(ms);
  }
  if (movesAt.length === 0) {
    for (const o of node.options) addTo(node.backtrack, o);
    return;
  }
  // An initial is covered when one of its moves was or will be tried (the others follow it:
  // addPartnerChoices; a move marked but asleep is never tried) or every one is asleep. One
  // asleep is not enough: a select's move alone may sleep, its run having been tried before a
  // partner arrived, while the move that takes the partner is new.
  const tried = (m: number) => node.done.includes(m) || (node.backtrack.includes(m) && !node.sleep.has(m));
  for (const ms of movesAt) if (ms.some(tried) || ms.every((m) => node.sleep.has(m))) return;
  // t's own goroutine when it can start the sequence: the reversal then runs t's race soonest.
  const pt = turns[t]!.g;
  const mine = movesAt.find((ms) => goroutineOf(ms[0]!) === pt);
  for (const m of mine ?? movesAt[0]!) if (!node.sleep.has(m)) addTo(node.backtrack, m);
}

/**
 * Moves of one goroutine with different partners (or none, for a select that can also go by
 * itself) are its own choices: which sender a receiver takes, whether a select takes a held
 * partner's case. So are moves that take the same partner. A partial-order search sees no race
 * between such alternatives (a later meeting happens after the earlier one through the
 * goroutine both share), so each is tried whenever one of them is.
 */
function addPartnerChoices(node: Node, x: number): void {
  const g = goroutineOf(x), p = partnerOf(x);
  for (const o of node.options) {
    if (o === x) continue;
    const og = goroutineOf(o), op = partnerOf(o);
    if (og === g || (op !== 0 && p !== 0 && (og === p || op === g || op === p))) addTo(node.backtrack, o);
  }
}

function join(into: Int32Array, from: Int32Array): void {
  for (let g = 0; g < into.length; g++) if (into[g]! < from[g]!) into[g] = from[g]!;
}

/** The next path to run: the deepest node with an untried alternative, switched to it; null when none is left. */
export function nextPath(path: Node[]): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i]!;
    for (const x of node.backtrack) {
      if (node.done.includes(x) || node.sleep.has(x)) continue;
      node.chosen = x;
      node.done.push(x);
      if (node.kind === 'G') addPartnerChoices(node, x);
      path.length = i + 1;
      return true;
    }
  }
  return false;
}
