// explore(): every distinct way a Go program can end, found by running it under many schedules.
//
// How it works
// ------------
// In explore mode (runtime/scheduler.ts, Explorer) the scheduler asks at every scheduling point
// which move runs next, and asks which ready case a select takes. A turn is one goroutine
// running from one visible operation (channel, select, close, sync, atomic, timer or output
// call) to just before its next one; the explorer is told what each turn touched. A goroutine
// stopped before an operation that would only wait is held, not offered, until it can go ahead
// or a goroutine on the other side of its channel takes it as a partner: a move is a goroutine,
// or a goroutine and the held partner its operation completes with (Scheduler.pickExplored).
//
// A run is one path of choices. The search (search.ts) is a depth-first walk over those paths
// with dynamic partial-order reduction; when no alternative it marked is left, the search was
// exhaustive. docs/architecture.md ("What explore explores") lists what depends on what and why
// no outcome is lost. Each run's result joins the outcome it ended in (outcomes.ts), with the
// witness that reproduces it (witness.ts).
//
// If the budget runs out first, the rest of it goes to runs with uniformly random choices,
// which reach early branches that depth-first order leaves for last.
//
// Virtual time moves only when every goroutine is blocked, as on the Go playground; each timer
// due then is a move of its own (Scheduler.dueTimers), fired in any order with the others and
// with the goroutines that can move at that instant. What is not explored: map iteration order
// and math/rand come from the seed. Goroutines reading and writing plain shared variables without
// synchronization interleave only at the visible operations around those accesses.
import { prepare, notBuilt, compileReusable, runAgain, RunAborted, type Compiled, type RunOptions, type RunResult, type Built } from '../execute.ts';
import { seededRandom } from '../runtime/random.ts';
import { PathRun, addBacktracks, exploreMonitor, nextPath, type Node } from './search.ts';
import { Outcomes, type ExploreOutcome } from './outcomes.ts';

/**
 * run()'s options that apply to each execution: the file's name and path, the seed (also of
 * the random phase), and the budgets (explore's defaults: 2M steps and 2 s per execution).
 */
export interface ExploreOptions extends Pick<RunOptions, 'seed' | 'filename' | 'sourcePath' | 'maxSteps' | 'maxWallMs' | 'maxGoroutines' | 'maxOutputBytes' | 'maxStackDepth' | 'maxMemoryBytes'> {
  /** Most executions in all, systematic and random (default 5000). */
  budget?: number;
  /** Wall-clock limit for the whole exploration in ms (default 20000). */
  maxMs?: number;
  /**
   * false: no partial-order reduction (every turn conflicts with every other, no sleep sets, no
   * held goroutines: one that would only wait is offered and starts waiting as a turn of its
   * own), so every interleaving of turns is run. For tests that check the reduction loses
   * nothing. Its witnesses follow these choices, so `run`'s replay does not take them.
   */
  reduce?: boolean;
  /** Scheduling points per run that are explored (default 5000); past them a run goes its default way. */
  maxDepth?: number;
}

export interface ExploreResult {
  outcomes: ExploreOutcome[];
  /** True when every schedule was covered (up to reordering independent turns). */
  exhaustive: boolean;
  runs: number;
  systematicRuns: number;
  randomRuns: number;
  /** Scheduling states visited: turns executed, summed over all runs. */
  states: number;
  ms: number;
  /**
   * Why the search is not exhaustive: it ran out of its budget or time, or a run went on past
   * maxDepth scheduling points (the rest of such a run follows the default schedule), or a run
   * went differently under the same choices (a gosim bug: then nothing is claimed); null when it
   * is exhaustive.
   */
  stoppedBy: 'budget' | 'time' | 'depth' | 'nondeterministic' | null;
  /** When the program does not build: what `go build` prints (outcomes is then empty). */
  buildErrors: string | null;
}

/** The options of each execution of an exploration. */
export function runOptions(o: ExploreOptions): RunOptions {
  const { budget: _b, maxMs: _m, reduce: _r, maxDepth: _d, ...run } = o;
  return { ...run, seed: o.seed ?? 1, maxSteps: o.maxSteps ?? 2_000_000, maxWallMs: o.maxWallMs ?? 2000 };
}

/** Runs the program under many schedules and reports each distinct way it ended. Never throws. */
export function exploreSchedules(source: string, options: ExploreOptions = {}): ExploreResult {
  const t0 = Date.now();
  const built = prepare(source, options.filename ?? 'prog.go');
  if (built.kind === 'errors') {
    return {
      outcomes: [], exhaustive: true, runs: 0, systematicRuns: 0, randomRuns: 0, states: 0, ms: Date.now() - t0, stoppedBy: null,
      buildErrors: notBuilt(built).stderr,
    };
  }
  return exploreBuilt(built, options, t0);
}

/** exploreSchedules() for a program already parsed and checked; t0 is when the exploration started. */
export function exploreBuilt(built: Built & { kind: 'ok' }, options: ExploreOptions, t0 = Date.now()): ExploreResult {
  const budget = Math.max(1, options.budget ?? 5000);
  const deadline = t0 + (options.maxMs ?? 20000);
  const runOpts = runOptions(options);
  const outcomes = new Outcomes();
  let runs = 0, systematicRuns = 0, randomRuns = 0, states = 0;
  let stoppedBy: ExploreResult['stoppedBy'] = null;

  // One compilation serves every run: runAgain resets the scheduler, output and package variables.
  const path: Node[] = [];
  const reduce = options.reduce ?? true;
  const maxDepth = options.maxDepth ?? 5000;
  let tooDeep = false;
  let diverged = false;
  const compiled = compileReusable(built, runOpts, new PathRun(path, null, deadline, reduce, maxDepth));
  if (!('entry' in compiled)) {
    outcomes.record(compiled, []);
    return { outcomes: outcomes.list(), exhaustive: false, runs: 1, systematicRuns: 1, randomRuns: 0, states: 0, ms: Date.now() - t0, stoppedBy: null, buildErrors: null };
  }

  let exhaustive = false;
  const systematicBudget = Math.max(1, Math.ceil(budget * 0.8));
  for (;;) {
    if (runs >= systematicBudget) { stoppedBy = 'budget'; break; }
    if (Date.now() > deadline) { stoppedBy = 'time'; break; }
    const pr = new PathRun(path, null, deadline, reduce, maxDepth);
    const result = runUnlessAborted(compiled, pr);
    if (result === null && !pr.sleepBlocked) { stoppedBy = 'time'; break; }
    runs++;
    systematicRuns++;
    states += pr.turns.length;
    if (pr.beyond) tooDeep = true;
    if (pr.diverged) diverged = true;
    pr.endTurn();
    if (result !== null) outcomes.record(result, pr.witness);
    addBacktracks(path, pr.turns, pr.firstNewTurn < 0 ? pr.turns.length : pr.firstNewTurn);
    if (!nextPath(path)) {
      exhaustive = !tooDeep && !diverged;
      stoppedBy = diverged ? 'nondeterministic' : tooDeep ? 'depth' : null;
      break;
    }
  }

  // Random phase: the rest of the budget, when the search could not finish.
  if (!exhaustive && (stoppedBy === 'budget' || stoppedBy === 'depth')) {
    const rnd = seededRandom((options.seed ?? 1) * 7919 + 17);
    while (runs < budget) {
      if (Date.now() > deadline) { stoppedBy = 'time'; break; }
      const pr = new PathRun([], rnd, deadline, true, maxDepth);
      const result = runUnlessAborted(compiled, pr);
      if (result === null) { stoppedBy = 'time'; break; }
      runs++;
      randomRuns++;
      states += pr.turns.length;
      outcomes.record(result, pr.witness);
    }
  }
  return { outcomes: outcomes.list(), exhaustive, runs, systematicRuns, randomRuns, states, ms: Date.now() - t0, stoppedBy, buildErrors: null };
}

function runUnlessAborted(compiled: Compiled, pr: PathRun): RunResult | null {
  try {
    return runAgain(compiled, { explore: pr, monitor: () => exploreMonitor(pr) }).result;
  } catch (e) {
    if (e instanceof RunAborted) return null;
    throw e;
  }
}
