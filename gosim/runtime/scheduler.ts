// The scheduler: runs every goroutine of one program on a single JS thread, in virtual time.
//
// How goroutines run
// ------------------
// A goroutine is one JS generator (the compiled Go function started by `go`, wrapped). All Go
// code calls Go code with `yield*`, so anything it yields reaches Scheduler.run, which resumes
// one goroutine at a time until it yields:
//   - PARK:    the goroutine blocked; something will call `ready(g, value)` later.
//   - PREEMPT: it used up its quantum of steps; it goes to the back of the run queue.
// The run queue is FIFO: a new goroutine and a goroutine made ready both go to the back, and the
// running goroutine keeps running until it blocks or is preempted (like the Go playground's
// single-threaded scheduler). Randomness (select, map order) comes only from `random()`, seeded.
//
// API for natives (lib/*.ts; they reach it as `ctx.sched`, see runtime/native.ts)
// --------------------------------------------------------------------------
//   sched.current                      the running Goroutine (has .id, .waitReason, .blockedOn)
//   yield* sched.park(reason, on)      block the current goroutine. `reason` is Go's wait reason
//                                      as tracebacks print it ('chan receive', 'sleep',
//                                      'sync.Cond.Wait', 'sync.RWMutex.Lock', ...); `on` is the
//                                      object it waits for (shown nowhere; for debugging and
//                                      leaks). Returns the value given to ready(). Before
//                                      parking, store the goroutine somewhere (a wait queue) so
//                                      that someone can ready it, or it stays blocked forever.
//   sched.ready(g, value?)             make a parked goroutine runnable; park() returns value.
//                                      Never ready a goroutine twice for one park.
//   sched.now                          virtual clock: nanoseconds since the program started at
//                                      2009-11-10 23:00:00 UTC (EPOCH_UNIX_SEC); a number.
//   sched.addTimer(when, fire, keepsAlive?)
//                                      run `fire()` (a plain function, called from the scheduler,
//                                      not in a goroutine: it may ready goroutines, do a
//                                      non-blocking channel send, or start a goroutine) once the
//                                      clock reaches `when` (absolute, ns like `now`). Timers due
//                                      at the same time fire in the order they were added (in
//                                      explore mode each is a move, in any order: dueTimers).
//                                      `keepsAlive()` says whether this timer could wake a
//                                      blocked goroutine; when every goroutine is blocked and no
//                                      pending timer keeps the program alive, it is a deadlock
//                                      (Go 1.23+: a time.After channel nobody receives from does
//                                      not postpone the deadlock). Default: always true.
//                                      Returns a Timer handle.
//   sched.stopTimer(t)                 cancel a pending timer; true if it had not fired yet.
//   sched.go(fn, args, createdAt?)     start a goroutine running GoFunc fn(...args); returns it.
//   sched.random()                     seeded uniform [0, 1).
//   sched.goexit()                     throw Goexit for the current goroutine (runtime.Goexit).
//   sched.numGoroutine()               live goroutines, as runtime.NumGoroutine.
//   yield* sched.yieldNow()            runtime.Gosched: go to the back of the run queue.
//   sched.alloc(n) / sched.free(n)     count bytes of program data against the memory budget
//                                      (runtime/memory.ts), before making them; alloc ends the
//                                      program with Go's out-of-memory error when they do not fit.
import type { GoFunc } from './native.ts';
import { Queue } from './queue.ts';
import { BudgetExceeded, GoExit, GoFatal, GoPanic, ProgramExit, type FrameSnapshot } from './panic.ts';
import type { Monitor } from './monitor.ts';
import type { Program } from './program.ts';
import { allTracebacks, describePanic, fatalText } from './traceback.ts';
import { PARK, PREEMPT, SWITCH, drive, isJsStackOverflow } from './calling.ts';
import { FOOTPRINT_ARRIVE, FOOTPRINT_DEC, FOOTPRINT_RW, Objects, type Explorer, type Pending } from './footprint.ts';
import { Goroutine, Timer, Twin, heapPop, heapPush, sameStart, snapshotTop, stackOverflow, startOf, type StartedFunc } from './goroutine.ts';
import { DEFAULT_MAX_MEMORY_BYTES, FRAME, GOROUTINE, MAX_STRING_LENGTH, SLOT, STRING, TIMER, outOfMemory, setBudget, type Budget } from './memory.ts';

export const EPOCH_UNIX_SEC = 1257894000;

/** Where a goroutine started by a timer (time.AfterFunc) was created, as Go prints it. */
const TIMER_CREATOR: FrameSnapshot = { func: 'time.goFunc', file: '/usr/local/go/src/time/sleep.go', line: 215 };

export interface SchedulerOptions {
  random: () => number;
  maxSteps: number;
  maxWallMs: number;
  maxGoroutines: number;
  maxStackDepth: number;
  /** The memory budget (runtime/memory.ts); DEFAULT_MAX_MEMORY_BYTES when absent. */
  maxMemoryBytes?: number;
  now: () => number;
  /** When the run's wall-clock budget started (run() counts parsing and checking in); default: when run() starts. */
  startedAt?: number;
}

/** Why Scheduler.run stopped. */
export type Outcome =
  | { kind: 'exit'; code: number; stderr: string }
  | { kind: 'timeout' };

const QUANTUM = 5000;

/**
 * Explore mode: the virtual clock, as an object turns touch. Setting a timer touches it as a
 * commuting change (FOOTPRINT_DEC), and so does a timer firing; stopping, resetting or reading
 * it conflicts with both (lib/footprints.ts).
 */
export const CLOCK = { name: 'clock' };

/**
 * Explore mode: a due timer's firing is a move, named by a number no goroutine has (goroutine
 * ids stay far below): TIMER_MOVES + the timer's sequence number.
 */
export const TIMER_MOVES = 2 ** 23;

/** Explore mode: the set of live goroutines, as an object turns touch (Explorer.touch). */
const GOROUTINES = { name: 'goroutines' };

/** How many goroutines that have not begun and run the same code a new one is compared with (Scheduler.findTwin). */
const TWIN_LOOKBACK = 32;
const SPAWN_BURST = 100;

export class Scheduler implements Budget {
  now = 0;
  steps = 0;
  /** When `steps` reaches this, the running goroutine yields PREEMPT. */
  preemptAt = QUANTUM;
  current!: Goroutine;
  readonly runq = new Queue<Goroutine>();
  readonly live = new Map<number, Goroutine>();
  private timers: Timer[] = [];
  private timerSeq = 0;
  private nextId = 1;
  main: Goroutine | null = null;
  mainGoexited = false;
  /** True while timers fire: code running now runs for the runtime, not for a goroutine. */
  firingTimers = false;
  /** The observer of this run (trace, explanations), if any: see monitor.ts. */
  monitor: Monitor | null = null;
  /** Explore mode: who makes the scheduling choices (null: the FIFO run queue and the seeded PRNG). */
  explore: Explorer | null = null;
  /** Explore mode: visible operations the running goroutine did in this turn (0 or 1). */
  private turnOps = 0;
  /** Explore mode: enter() refused, so the caller's generator path must call point() first. */
  gated = false;
  goroutinesCreated = 0;
  maxLive = 0;
  channelOps = 0;
  /** Messages sent so far, numbered for the monitor (0 without one). */
  messages = 0;
  private wallStart = 0;
  /** Set when the budget ran out while firing timers, which then stops the run. */
  private timedOut = false;
  /** The JS stack, not Go's depth limit, ended the run: a thread with a bigger stack would get further. */
  jsStackExhausted = false;
  /** Bytes of program data counted against the memory budget (runtime/memory.ts). */
  memInUse = 0;
  private readonly maxMemory: number;
  /** The program running on this scheduler (set by Program), whose methods a panic report calls. */
  program: Program | null = null;

  /**
   * A fresh object per run: library state kept per run (GOMAXPROCS) is keyed by it, so that it
   * starts over when a compiled program runs again on the same scheduler.
   */
  readonly perRun: object = {};

  constructor(readonly opts: SchedulerOptions) {
    this.maxMemory = opts.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  }

  alloc(n: number): void {
    const m = this.memInUse + n;
    if (m > this.maxMemory) throw outOfMemory(n, this.memInUse);
    this.memInUse = m;
  }

  free(n: number): void {
    this.memInUse -= n;
  }

  fits(n: number): void {
    if (this.memInUse + n > this.maxMemory) throw outOfMemory(n, this.memInUse);
  }

  /**
   * a + b for Go strings. It counts the bytes the shorter operand adds and the string object
   * joining them, as the longer operand is usually dropped (`s += x` in a loop stays linear),
   * but the whole result must fit in what is left, as Go needs a block that big for it.
   */
  concat(a: string, b: string): string {
    const n = a.length + b.length;
    if (n > this.maxMemory - this.memInUse || n > MAX_STRING_LENGTH) throw outOfMemory(n, this.memInUse);
    this.memInUse += (a.length < b.length ? a.length : b.length) + STRING;
    return a + b;
  }

  /**
   * A call went one frame deeper than its goroutine has been (and not past maxStackDepth): the
   * frame, with `slots` slots, is counted, as Go grows a stack, until the goroutine ends.
   */
  growStack(g: Goroutine, slots: number): void {
    const bytes = FRAME + slots * SLOT;
    this.alloc(bytes);
    g.stackBytes += bytes;
    g.stackLimit++;
  }

  /** A goroutine ended: what it was counted as is given back. */
  private ended(g: Goroutine): void {
    this.free(GOROUTINE + g.stackBytes);
    if (this.explore !== null) {
      this.explore.touch(GOROUTINES, FOOTPRINT_DEC);
      if (g.twin !== null && !g.twin.started) this.starts(g.twin);
    }
  }

  /**
   * Back to the state of a new Scheduler, keeping this object, which compiled code holds: a
   * program compiled once then runs many times (explore). Every field comes from a fresh
   * instance, so none can be forgotten here; only the program stays, the one that runs again.
   */
  reset(opts: SchedulerOptions): void {
    const program = this.program;
    Object.assign(this, new Scheduler(opts));
    // The same compiled program runs again on it.
    this.program = program;
  }

  random(): number { return this.opts.random(); }

  /**
   * Explore mode, at a visible operation on `obj` done without a generator (a channel's fast
   * path): true if it may go ahead now. False when the goroutine already did a visible operation
   * this turn; then `gated` is set and the caller must take its generator path, which calls
   * point() (a switch) before trying again.
   */
  enter(obj: unknown, mode = FOOTPRINT_RW, pending: Pending | null = null): boolean {
    const x = this.explore!;
    if (!this.firingTimers && !this.current.inLibraryOp) {
      if (this.turnOps > 0) { this.gated = true; this.stopAt(pending); return false; }
      this.turnOps = 1;
    }
    x.touch(obj, mode);
    return true;
  }

  /**
   * Explore mode: the scheduling point before a visible operation on `obj`, in a generator.
   * `pending` describes the operation when it may have to wait (see pickExplored).
   */
  *point(obj: unknown, mode = FOOTPRINT_RW, pending: Pending | null = null): Generator<unknown, void, unknown> {
    this.gated = false;
    if (this.turnOps > 0 && !this.firingTimers) {
      this.stopAt(pending);
      yield SWITCH;
    }
    this.turnOps = 1;
    this.explore!.touch(obj, mode);
  }

  /**
   * Explore mode: the running goroutine stops before `pending` (a scheduling point). Arriving at
   * a channel operation is part of the turn ending now (FOOTPRINT_ARRIVE).
   */
  private stopAt(pending: Pending | null): void {
    this.current.pending = pending;
    const x = this.explore!;
    if (pending === null || !x.holdsBlocked || pending.recv.length + pending.send.length === 0) return;
    x.touch(new Objects([...pending.recv, ...pending.send]), FOOTPRINT_ARRIVE);
  }

  /** Explore mode, in a generator that enter() refused: switch, then the caller tries again. */
  *switchIfGated(): Generator<unknown, void, unknown> {
    if (!this.gated) return;
    this.gated = false;
    yield SWITCH;
  }

  /** A uniform choice among n ready alternatives: the explorer's in explore mode. */
  choose(n: number): number {
    return this.explore !== null ? this.explore.pickValue(n) : Math.floor(this.random() * n);
  }

  numGoroutine(): number { return this.live.size; }

  go(fn: GoFunc, args: unknown[], createdAt: FrameSnapshot | null = null): Goroutine {
    // Goroutines started by a timer (time.AfterFunc) are created by the runtime, as Go shows.
    if (this.firingTimers && createdAt === null) createdAt = TIMER_CREATOR;
    const creator = this.main && !this.firingTimers ? this.current : null;
    // A goroutine's stack is memory like any other; so is the cap on how many may live at once.
    if (this.live.size >= this.opts.maxGoroutines) throw outOfMemory(GOROUTINE, this.memInUse);
    this.alloc(GOROUTINE);
    const g = new Goroutine(this.nextId++, createdAt ?? (creator ? this.creationSite(creator) : null), creator ? creator.id : 0);
    // The function's own generator is the bottom of the stack (no wrapper: 100k goroutines
    // live at once must stay small); Goexit is caught in run().
    g.stack.push(fn(...args));
    if (this.explore !== null && this.explore.holdsBlocked) {
      const start = (fn as StartedFunc).start;
      if (start !== undefined) this.findTwin(g, startOf(start.f, start.args));
    }
    this.live.set(g.id, g);
    this.goroutinesCreated++;
    if (this.live.size > this.maxLive) this.maxLive = this.live.size;
    this.runq.push(g);
    if (this.monitor !== null) this.monitor.goStart(g, creator);
    if (this.explore !== null) {
      this.explore.enabled(g);
      // Starting and ending goroutines change what runtime.NumGoroutine reads (counter changes
      // commute with each other, as a WaitGroup's do).
      if (this.main !== null) this.explore.touch(GOROUTINES, FOOTPRINT_DEC);
    }
    if (!this.main) this.main = g;
    // A goroutine spawning in a tight loop yields after SPAWN_BURST new goroutines rather than
    // after a whole quantum: they then start (and usually finish) while young, instead of
    // thousands waiting at once and surviving into the old generation of the JS heap.
    else if (++this.spawned >= SPAWN_BURST) { this.spawned = 0; this.preemptAt = this.steps; }
    return g;
  }

  private lastSite: FrameSnapshot | null = null;
  /** Goroutines started by the running goroutine in its current turn. */
  private spawned = 0;
  /** Where `creator` is now, shared with the previous goroutine's when equal (a `go` in a loop). */
  private creationSite(creator: Goroutine): FrameSnapshot | null {
    const f = creator.top;
    if (f === null) return null;
    const l = this.lastSite;
    if (l !== null && l.line === f.line && l.func === f.fn.name && l.file === f.fn.file) return l;
    return (this.lastSite = { func: f.fn.name, file: f.fn.file, line: f.line, noArgs: !f.fn.hasParams });
  }

  *park(reason: string, on: unknown): Generator<unknown, unknown, unknown> {
    const g = this.current;
    this.prepark(reason, on);
    yield PARK;
    const v = g.wake;
    g.wake = undefined;
    return v;
  }

  /** The first half of park() for hot paths that `yield PARK` themselves (one generator less). */
  prepark(reason: string, on: unknown): void {
    const g = this.current;
    g.state = 'waiting';
    g.waitReason = reason;
    g.blockedOn = on;
    g.blockedAt = null;
    if (this.monitor !== null) this.monitor.block(g, reason, on, snapshotTop(g));
  }

  ready(g: Goroutine, value?: unknown): void {
    if (g.state !== 'waiting') return;
    g.state = 'runnable';
    g.waitReason = '';
    g.blockedOn = null;
    g.wake = value;
    this.runq.push(g);
    if (this.explore !== null) this.explore.enabled(g);
    if (this.monitor !== null) this.monitor.unblock(g, this.firingTimers ? null : this.current);
  }

  *yieldNow(): Generator<unknown, void, unknown> {
    if (this.explore !== null) {
      // Offered last rather than first: a goroutine polling in a Gosched loop lets the others
      // go on in the search's first schedules, as it does in a plain run.
      this.yielded = true;
      yield SWITCH;
      return;
    }
    this.preemptAt = this.steps;
    yield PREEMPT;
  }

  goexit(): never { throw new GoExit(); }

  /**
   * A plain call (compile/plain.ts) used up the goroutine's quantum. It cannot yield, so it only
   * ends the run when a budget ran out (checked every 1024 steps); the goroutine is preempted
   * once the plain call returns to generator code.
   */
  plainQuantum(): void {
    if ((this.steps & 1023) === 0 && this.overBudget()) throw new BudgetExceeded();
  }

  addTimer(when: number, fire: () => void, keepsAlive?: () => boolean): Timer {
    // Counted until it leaves the heap (fired, or found stopped there).
    this.alloc(TIMER);
    const t = new Timer(Math.max(when, this.now), this.timerSeq++, fire, keepsAlive ?? null);
    heapPush(this.timers, t);
    // Explore mode: a timer due at once is a move from now on, after the turn that set it.
    if (this.explore !== null && t.when <= this.now) this.explore.enabled(this.moverOf(t));
    return t;
  }

  stopTimer(t: Timer): boolean {
    if (!t.active) return false;
    t.active = false;
    if (this.explore !== null && t.when <= this.now) this.explore.disabled(this.moverOf(t));
    return true;
  }

  /** Runs until the program ends. Exceptions other than Go's own are internal errors. */
  run(): Outcome {
    this.wallStart = this.opts.startedAt ?? this.opts.now();
    // Building the program may have used up the budget already.
    if (this.overBudget()) return { kind: 'timeout' };
    // Library code counts what it makes against this run's budget while (and only while) it runs.
    setBudget(this);
    try {
      return this.runGoroutines();
    } finally {
      setBudget(null);
    }
  }

  private runGoroutines(): Outcome {
    let switches = 0;
    /** Explore mode: the goroutine that yielded SWITCH or PREEMPT, still runnable. */
    let prev: Goroutine | null = null;
    for (;;) {
      const g: Goroutine | Timer | undefined = this.explore === null ? this.runq.shift() : this.pickExplored(prev);
      prev = null;
      if (g instanceof Timer) {
        // Explore mode: one due timer fires, as a move of its own.
        try {
          this.fireTimer(g);
        } catch (e) {
          return this.timerFailed(e);
        }
        continue;
      }
      if (g === undefined) {
        if (this.explore !== null) this.explore.runtimeTurn();
        // Firing timers runs no goroutine, so the budget is checked here too: a program could
        // otherwise spend its whole life advancing the virtual clock.
        let fired: boolean;
        try {
          fired = this.fireNextTimers();
        } catch (e) {
          return this.timerFailed(e);
        }
        if (fired) {
          if ((++switches & 63) === 0 && this.overBudget()) return { kind: 'timeout' };
          continue;
        }
        if (this.timedOut) return { kind: 'timeout' };
        return this.deadlock();
      }
      if (g.state === 'dead') continue;
      this.current = g;
      // Explore mode: the crash deferred at the end of g's last turn comes now.
      if (g.crash !== null) return this.crashed(g, g.crash.stderr, g.crash.panicked);
      g.state = 'running';
      this.preemptAt = this.steps + QUANTUM;
      this.spawned = 0;
      if ((++switches & 63) === 0 || this.steps > this.opts.maxSteps) {
        if (this.overBudget()) return { kind: 'timeout' };
      }
      let r: IteratorResult<unknown, unknown>;
      try {
        const v = g.wake;
        g.wake = undefined;
        r = drive(g.stack, v);
      } catch (e) {
        if (e instanceof BudgetExceeded) return { kind: 'timeout' };
        if (e instanceof GoExit) {
          // runtime.Goexit unwound the whole goroutine (its deferred calls have run).
          g.state = 'dead';
          this.live.delete(g.id);
          this.ended(g);
          if (this.monitor !== null) this.monitor.goEnd(g, false);
          if (g === this.main) this.mainGoexited = true;
          continue;
        }
        if (e instanceof GoPanic || e instanceof GoFatal) {
          const stderr = e instanceof GoPanic ? describePanic(this.program, e, g) : fatalText(this, e, g);
          if (this.explore !== null && this.turnOps > 0 && !this.firingTimers) {
            // The turn did a visible operation before the crash: the crash is the goroutine's
            // next move, and whoever that operation let go may move before it.
            g.crash = { stderr, panicked: e instanceof GoPanic };
            g.state = 'runnable';
            g.atPoint = true;
            g.pending = null;
            this.runq.push(g);
            continue;
          }
          return this.crashed(g, stderr, e instanceof GoPanic);
        }
        if (e instanceof ProgramExit) { this.programEnds(); return { kind: 'exit', code: e.code, stderr: e.stderrTail }; }
        if (isJsStackOverflow(e)) {
          // The JS stack ran out first: report it as Go does, the callee overflowing in its prologue.
          this.jsStackExhausted = true;
          const so = stackOverflow(this.opts.maxStackDepth);
          const top = g.top;
          if (top) so.libFrames = [{ func: top.fn.name, file: top.fn.file, line: top.fn.declLine, noArgs: !top.fn.hasParams }];
          return { kind: 'exit', code: 2, stderr: fatalText(this, so, g) };
        }
        throw e;
      }
      if (r.done) {
        g.state = 'dead';
        this.live.delete(g.id);
        this.ended(g);
        if (this.monitor !== null) this.monitor.goEnd(g, false);
        if (g === this.main) {
          this.programEnds();
          return { kind: 'exit', code: 0, stderr: '' };
        }
        continue;
      }
      if (r.value === PREEMPT) {
        g.state = 'runnable';
        if (this.overBudget()) return { kind: 'timeout' };
        this.runq.push(g);
        if (this.explore !== null) this.preempted = true;
      } else if (r.value === SWITCH) {
        g.state = 'runnable';
        g.atPoint = true;
        if (this.yielded) {
          this.yielded = false;
          this.runq.push(g);
        } else prev = g;
      }
    }
  }

  /** A panic (`panicked`) or fatal error in g ends the program with `stderr`. */
  private crashed(g: Goroutine, stderr: string, panicked: boolean): Outcome {
    if (this.monitor !== null && panicked) this.monitor.goEnd(g, true);
    this.programEnds();
    return { kind: 'exit', code: 2, stderr };
  }

  /** A timer's function failed (out of memory starting a time.AfterFunc goroutine): how the run ends. */
  private timerFailed(e: unknown): Outcome {
    if (e instanceof GoFatal) { this.programEnds(); return { kind: 'exit', code: 2, stderr: fatalText(this, e, this.current) }; }
    if (e instanceof ProgramExit) { this.programEnds(); return { kind: 'exit', code: e.code, stderr: e.stderrTail }; }
    throw e;
  }

  /** Explore mode: the running turn ended the program; tell the explorer who could still have run. */
  private programEnds(): void {
    if (this.explore === null) return;
    const runnable: Goroutine[] = [];
    for (const h of this.runq) if (h.state === 'runnable' && !this.waitsForTwin(h)) runnable.push(h);
    // Goroutines held at an operation that would only wait could not have run; due timers could have fired.
    const could = this.explore.holdsBlocked ? runnable.filter((h) => this.canGo(h, runnable)) : runnable;
    for (const t of this.dueTimers()) could.push(this.moverOf(t));
    this.explore.ended(could);
  }

  /** Explore mode: the move that fires timer t. */
  private moverOf(t: Timer): Goroutine {
    return t.mover ??= new Goroutine(TIMER_MOVES + (t.seq % TIMER_MOVES), null, 0);
  }

  /**
   * Explore mode: the timers due now (the clock has reached them) that have not fired, in the
   * order they were set. Each one's firing is a move (pickExplored).
   */
  private dueTimers(): Timer[] {
    const ts = this.timers;
    while (ts.length > 0 && !ts[0]!.active) { heapPop(ts); this.free(TIMER); }
    if (ts.length === 0 || ts[0]!.when > this.now) return [];
    const out: Timer[] = [];
    for (const t of ts) if (t.active && t.when <= this.now) out.push(t);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Explore mode: timer t fires now, as a turn of its own (it touches the clock, and whatever fire() does). */
  private fireTimer(t: Timer): void {
    t.active = false;
    this.explore!.touch(CLOCK, FOOTPRINT_DEC);
    this.firingTimers = true;
    try {
      t.fire();
    } finally {
      this.firingTimers = false;
    }
  }

  /** Explore mode: the running goroutine called runtime.Gosched (yieldNow). */
  private yielded = false;

  /** Explore mode: the running goroutine used up its quantum (PREEMPT); see pickExplored. */
  private preempted = false;
  /**
   * Explore mode: goroutines stopped before a library wait (Pending.touches) that could go ahead
   * at the last pick, with that wait; a turn that leaves one of them held again disabled it
   * (Explorer.waitDisabled).
   */
  private waitsThatCouldGo: [Goroutine, Pending][] = [];

  /**
   * Explore mode: after a partner's turn (pickExplored), the goroutine whose turn it is; it runs
   * next, with no choice made.
   */
  private partnerOf: Goroutine | null = null;

  /**
   * Explore mode: the explorer picks the next goroutine, `prev` (which yielded) offered first.
   *
   * A goroutine stopped before an operation that would only wait (Pending.blocked) is no choice:
   * starting to wait is seen by nobody, so the search would only tell apart schedules that
   * differ in when it began. It stays held until it can go ahead (a value arrives, the lock is
   * free, the counter is zero), or until a goroutine whose operation it is the partner of goes:
   *  - a held goroutine can go when a held goroutine would complete its operation on the other
   *    side of a channel and its own side is the one that takes partners there (receiversTake):
   *    each partner is a move of its own;
   *  - a select that does not wait (a case is ready, or it has a default) may also take a held
   *    partner on any of its cases, or none.
   * The partner then starts waiting first, inside the picked goroutine's turn, which completes
   * with it. A goroutine on the side that is taken is picked only as a partner: a send meeting a
   * receive is one event, and it is searched once, from the side that takes. When nobody could go,
   * every held goroutine is offered as before, so that each starts waiting (timers or a deadlock
   * come next). Each timer due now is a move too (returned as the Timer, which the caller fires).
   */
  private pickExplored(prev: Goroutine | null): Goroutine | Timer | undefined {
    const x = this.explore!;
    if (this.waitsThatCouldGo.length > 0) {
      for (const [g, p] of this.waitsThatCouldGo) if (g.pending === p && g.state !== 'dead' && this.held(g)) x.waitDisabled(g, p.touches!.obj, p.touches!.mode);
      this.waitsThatCouldGo.length = 0;
    }
    const forced = this.partnerOf;
    if (forced !== null) {
      this.partnerOf = null;
      // (The partner waits now; should it not have, it goes back in line.)
      if (prev !== null) this.runq.push(prev);
      this.runq.remove(forced);
      this.turnOps = 0;
      forced.atPoint = false;
      forced.pending = null;
      return forced;
    }
    const list: Goroutine[] = prev !== null ? [prev] : [];
    const preempted = this.preempted;
    if (this.preempted) {
      // A quantum ran out: the next goroutine in line runs, as in a plain run. Not a choice (no
      // visible operation happened), so a goroutine spinning on local work never keeps the others
      // from running, and the search does not branch at every quantum.
      this.preempted = false;
      for (const g of this.runq) if (g.state !== 'dead' && (!x.holdsBlocked || (this.canGo(g, null) && !this.waitsForTwin(g)))) { list.push(g); break; }
      if (list.length === 0) for (const g of this.runq) if (g.state !== 'dead' && !this.waitsForTwin(g)) { list.push(g); break; }
    } else {
      for (const g of this.runq) if (g.state !== 'dead' && !this.waitsForTwin(g)) list.push(g);
    }
    // Timers due now fire in any order with the goroutines' moves (a quantum running out is no choice).
    const due = preempted ? [] : this.dueTimers();
    if (list.length === 0 && due.length === 0) return undefined;
    let partner: Goroutine | null = null;
    let g: Goroutine;
    if (!x.holdsBlocked) {
      const options = list.concat(due.map((t) => this.moverOf(t)));
      const k = x.pickGoroutine(options);
      if (k >= list.length) return this.firing(due[k - list.length]!, prev);
      g = list[k]!;
    } else {
      // The moves: each goroutine that can go by itself, alone; a select that can go, also with
      // each held partner; a held goroutine whose side takes partners, with each of them.
      const movers: Goroutine[] = [];
      const partners: (Goroutine | null)[] = [];
      for (const h of list) {
        const held = this.held(h);
        if (!held) { movers.push(h); partners.push(null); }
        if (!held && h.atPoint && h.pending !== null && h.pending.touches !== undefined) this.waitsThatCouldGo.push([h, h.pending]);
        if (h.pending === null || !h.atPoint || (!held && !h.pending.select)) continue;
        for (const p of this.partners(h, list, !held)) { movers.push(h); partners.push(p); }
      }
      // Nobody can go: a due timer fires, or else every held goroutine starts waiting, in any order.
      if (movers.length === 0 && due.length === 0) for (const h of list) { movers.push(h); partners.push(null); }
      const goroutineMoves = movers.length;
      for (const t of due) { movers.push(this.moverOf(t)); partners.push(null); }
      const k = x.pickGoroutine(movers, partners);
      if (k >= goroutineMoves) return this.firing(due[k - goroutineMoves]!, prev);
      g = movers[k]!;
      partner = partners[k]!;
    }
    if (g !== prev) {
      this.runq.remove(g);
      if (prev !== null) this.runq.push(prev);
    }
    // A goroutine started by a go statement does its first visible operation (starts).
    if (g.twin !== null && !g.twin.started && g.atPoint) this.starts(g.twin);
    g.pending = null;
    if (partner !== null) {
      if (partner.twin !== null && !partner.twin.started) this.starts(partner.twin);
      // The partner runs first, up to where it waits; then g's turn goes on (partnerOf).
      this.runq.remove(partner);
      this.runq.push(g);
      this.partnerOf = g;
      this.turnOps = 0;
      partner.atPoint = false;
      partner.pending = null;
      return partner;
    }
    // A turn starts with its visible operation; a goroutine starting or waking up first runs a
    // turn of its own (up to its next visible operation), which touches nothing.
    this.turnOps = g.atPoint ? 0 : 1;
    g.atPoint = false;
    return g;
  }

  /** Explore mode: timer t was picked to fire; the goroutine that yielded goes back in line. */
  private firing(t: Timer, prev: Goroutine | null): Timer {
    if (prev !== null) this.runq.push(prev);
    return t;
  }

  /** Whether a goroutine held at a point would only wait there (a held goroutine left at the end counts as blocked: leaks). */
  held(g: Goroutine): boolean {
    return g.atPoint && g.pending !== null && g.pending.blocked();
  }

  /**
   * Explore mode (reduced search): goroutines started by a go statement of a function that starts
   * quietly (compile/quiet.ts), by the code they run, latest last (those that have begun are
   * dropped now and then).
   *
   * Two goroutines that start alike (startOf: the same code, the very same captured variables,
   * equal arguments) are interchangeable until one of them does a visible operation: nothing
   * tells them apart, so a schedule in which the later one goes first is a schedule in which the
   * earlier one does, with the two renamed, and it ends the same way (outcomes never name
   * goroutines). So the later one waits (waitsForTwin) until the earlier one begins its first
   * visible operation, and follows that turn (Explorer.follows). What they do before it is quiet:
   * it reads nothing another goroutine may change, writes nothing shared, draws nothing from the
   * seeded random stream and cannot spin, so running it later changes nothing.
   */
  private readonly byCode = new Map<unknown, Goroutine[]>();

  /** g is created to start as `start`: it waits for the latest goroutine that started alike and has not begun (a few are looked at). */
  private findTwin(g: Goroutine, start: unknown[]): void {
    const tw = new Twin(start);
    g.twin = tw;
    let list = this.byCode.get(start[0]);
    if (list === undefined) { list = []; this.byCode.set(start[0], list); }
    for (let i = list.length - 1, seen = 0; i >= 0 && seen < TWIN_LOOKBACK; i--) {
      const h = list[i]!.twin!;
      if (h.started) continue;
      seen++;
      if (sameStart(h.start, start)) { tw.prev = list[i]!; h.next = g; break; }
    }
    // Only the latest TWIN_LOOKBACK that have not begun are ever looked at again: the list stays short
    // however many goroutines a program starts.
    if (list.length >= 2 * TWIN_LOOKBACK) {
      const keep = list.filter((h) => !h.twin!.started).slice(-TWIN_LOOKBACK);
      list.length = 0;
      list.push(...keep);
    }
    list.push(g);
  }

  private waitsForTwin(g: Goroutine): boolean {
    const tw = g.twin;
    return tw !== null && tw.prev !== null && !tw.prev.twin!.started;
  }

  /** A goroutine begins its first visible operation (or ends without one): the goroutine waiting for it may go, after this turn. */
  private starts(tw: Twin): void {
    tw.started = true;
    if (tw.next !== null) this.explore!.follows(tw.next);
  }

  /**
   * Explore mode: whether g may be picked: it is not held, or it is a held receiver with a held
   * sender on that channel among `others` (null: do not look for partners).
   */
  private canGo(g: Goroutine, others: readonly Goroutine[] | null): boolean {
    if (!this.held(g)) return true;
    return others !== null && this.partners(g, others, false).length > 0;
  }

  /**
   * The held goroutines among `others` that g's operation could complete with: for a held g,
   * those on the other side of a channel where g's side takes partners (sideOf); for a select
   * that can go ahead (`any`), every held sender on a channel it receives from and receiver on
   * one it sends on.
   */
  private partners(g: Goroutine, others: readonly Goroutine[], any: boolean): Goroutine[] {
    const p = g.pending!;
    const out: Goroutine[] = [];
    const add = (h: Goroutine) => { if (!out.includes(h)) out.push(h); };
    for (const c of p.recv) {
      if (c === null || (!any && !this.receiversTake(c, others))) continue;
      for (const h of others) if (h !== g && this.held(h) && h.pending!.send.includes(c)) add(h);
    }
    for (const c of p.send) {
      if (c === null || (!any && this.receiversTake(c, others))) continue;
      for (const h of others) if (h !== g && this.held(h) && h.pending!.recv.includes(c)) add(h);
    }
    return out;
  }

  /**
   * Which side of channel c takes partners (the other waits to be taken): the side with more
   * held goroutines, senders on a tie (a sender then runs on past the hand-over, as the second
   * to arrive does in a plain run). Each meeting of a held sender and a held receiver is
   * then one choice: a receiver among many senders picks which, or a sender among many
   * receivers does, so that goroutines competing for one partner are alternatives the search
   * orders (the senders of a fan-in), not values of one choice tried each time in full.
   */
  private receiversTake(c: unknown, others: readonly Goroutine[]): boolean {
    let senders = 0, receivers = 0;
    for (const h of others) {
      if (!this.held(h)) continue;
      const q = h.pending!;
      if (q.send.includes(c)) senders++;
      if (q.recv.includes(c)) receivers++;
    }
    return receivers > senders;
  }

  private overBudget(): boolean {
    return this.steps > this.opts.maxSteps || this.opts.now() - this.wallStart > this.opts.maxWallMs;
  }

  /**
   * Advance the clock to the earliest timer and fire all due then (explore mode: only advance;
   * they fire as moves, pickExplored). False if none could help.
   */
  private fireNextTimers(): boolean {
    const ts = this.timers;
    while (ts.length > 0 && !ts[0]!.active) { heapPop(ts); this.free(TIMER); }
    if (ts.length === 0) return false;
    let alive = false;
    for (const t of ts) {
      if (t.active && (t.keepsAlive === null || t.keepsAlive())) { alive = true; break; }
    }
    if (!alive) return false;
    const when = ts[0]!.when;
    if (when > this.now) this.now = when;
    if (this.explore !== null) {
      // Explore mode: the clock moves on; each timer due now fires as a move of its own
      // (pickExplored), after the runtime's turn that moved the clock.
      for (const t of ts) if (t.active && t.when <= this.now) this.explore.enabled(this.moverOf(t));
      return true;
    }
    this.firingTimers = true;
    try {
      let fired = 0;
      while (ts.length > 0 && ts[0]!.when <= this.now) {
        const t = heapPop(ts)!;
        this.free(TIMER);
        if (!t.active) continue;
        t.active = false;
        t.fire();
        // Many timers due at once (or ones re-armed at the same instant) must not outlast the budget.
        if ((++fired & 1023) === 0 && this.overBudget()) { this.timedOut = true; return false; }
      }
    } finally {
      this.firingTimers = false;
    }
    return true;
  }

  private deadlock(): Outcome {
    if (this.mainGoexited) {
      return { kind: 'exit', code: 2, stderr: 'fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n' + allTracebacks(this) };
    }
    return { kind: 'exit', code: 2, stderr: 'fatal error: all goroutines are asleep - deadlock!\n' + allTracebacks(this) };
  }
}
