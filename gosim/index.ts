// gosim's public entry: run a Go program (parse, check, compile, execute on the scheduler) and
// return what it printed, its exit status, leaked goroutines and statistics. run() never throws
// and never hangs:
//   - exit 0: main returned; 1: compile errors (`# command-line-arguments` + `./prog.go:L:C: msg`,
//     or the go command's one `prog.go:L:C: msg` for a bad package clause or import) or output
//     budget exceeded; 2: Go panic or fatal error (deadlock, stack overflow, ...);
//   - 124: out of steps or wall time (stdout so far is kept, stderr ends with
//     `timeout running program`, the Go playground's words; 124 as coreutils' timeout);
//   - 3: an internal gosim bug (stderr `gosim internal error: ...`).
import { prepare, execute, notBuilt, emptyStats, type RunOptions, type RunResult as ExecResult, type ExecHooks } from './execute.ts';
import type { Scheduler } from './runtime/scheduler.ts';
import type { Trace } from './trace.ts';
import type { Explanation } from './explain.ts';
import { TraceRecorder } from './trace.ts';
import { seededRandom } from './runtime/random.ts';
import { explain, blockedAtEnd } from './explain.ts';
import { exploreSchedules, exploreBuilt, runOptions, type ExploreOptions, type ExploreResult } from './explore/explore.ts';
import { RandomRun, ReplayRun, parseWitness } from './explore/witness.ts';
import { findConstructs } from './drill/constructs.ts';
import { evaluateCheck, notBuiltVerdicts, type CheckVerdict, type ExerciseCheck } from './drill/checks.ts';
import { parseDiagnostics, type Diagnostic } from './drill/diagnostics.ts';

export type { RunOptions, RunStats, Leak, Location } from './execute.ts';

/** What run() returns: the execution's result, with what the trace recorder adds on request. */
export interface RunResult extends ExecResult {
  /** With options.trace. */
  trace?: Trace;
  /** With options.explain: one per goroutine blocked forever (a deadlock, or leaks when main returned); [] otherwise. */
  explanations?: Explanation[];
}
export type { Trace, TraceEvent } from './trace.ts';
export type { Explanation } from './explain.ts';
export type { ExploreOptions, ExploreResult } from './explore/explore.ts';
export type { ExploreOutcome } from './explore/outcomes.ts';
export { constructNames, constructPhrases, isConstruct, type Construct } from './drill/constructs.ts';
export type { ExerciseCheck, CheckVerdict } from './drill/checks.ts';
export { quoteOutput } from './drill/checks.ts';
export { parseDiagnostics, type Diagnostic } from './drill/diagnostics.ts';

/** How many deadlocked or leaking outcomes of an exploration get explanations (one replay each). */
const EXPLAINED_OUTCOMES = 50;

/**
 * Every distinct outcome of the program under all schedules (explore/explore.ts), the first
 * outcomes that deadlock or leak goroutines explained from a replay of their witness.
 */
export function explore(source: string, options: ExploreOptions = {}): ExploreResult {
  const started = Date.now();
  return explained(source, exploreSchedules(source, options), options, started);
}

/**
 * Adds explanations by replaying witnesses, within what is left of the exploration's own time
 * limit: a caller waiting for the search is not kept waiting much longer by its explanations.
 */
function explained(source: string, r: ExploreResult, options: ExploreOptions, started: number): ExploreResult {
  const stopAt = started + (options.maxMs ?? 20000);
  let n = 0;
  for (const o of r.outcomes) {
    if (Date.now() > stopAt) break;
    const stuck = o.leaked > 0 || (o.crash !== null && /^fatal error: (all goroutines are asleep|no goroutines)/.test(o.crash));
    if (!stuck || n++ >= EXPLAINED_OUTCOMES) continue;
    const again = run(source, { ...runOptions(options), replay: o.witness, explain: true });
    if (again.replayFitted !== false && again.stdout === o.stdout && again.exitCode === o.exitCode) o.explanations = again.explanations;
  }
  return r;
}

export interface ExerciseReport {
  /** The program's compile errors, each at its line and column ([] when it builds). */
  diagnostics: Diagnostic[];
  /** What `go build` printed, or null when the program builds. */
  buildOutput: string | null;
  checks: CheckVerdict[];
  /** Every check holds. */
  passed: boolean;
  /** The exploration the checks were decided on (outcomes empty when the program does not build). */
  exploration: ExploreResult;
}

/**
 * An exercise's checks decided over every outcome explore() finds for the learner's program:
 * each check holds only if it holds under every schedule, and a failing one names a witness.
 */
export function checkExercise(source: string, checks: readonly ExerciseCheck[], options: ExploreOptions = {}): ExerciseReport {
  const started = Date.now();
  const built = prepare(source, options.filename ?? 'prog.go');
  if (built.kind === 'errors') {
    const exploration: ExploreResult = {
      outcomes: [], exhaustive: true, runs: 0, systematicRuns: 0, randomRuns: 0, states: 0, ms: 0, stoppedBy: null, buildErrors: built.stderr,
    };
    return { diagnostics: parseDiagnostics(built.stderr), buildOutput: built.stderr, checks: notBuiltVerdicts(checks), passed: false, exploration };
  }
  const uses = findConstructs(built.file, built.info);
  const exploration = explained(source, exploreBuilt(built, options, started), options, started);
  const verdicts = checks.map((c) => evaluateCheck(c, exploration, uses));
  return { diagnostics: [], buildOutput: null, checks: verdicts, passed: verdicts.every((v) => v.pass), exploration };
}

/** Compile errors as `go build` prints them (without its header line), or [] when the program compiles. */
export function check(source: string, filename = 'prog.go'): string[] {
  const r = prepare(source, filename);
  return r.kind === 'ok' ? [] : r.lines;
}

/**
 * Exactly what `go build` writes to stderr for the program ('' when it compiles): the header
 * comes only with compile errors, never with the go command's load errors, which check()'s
 * lines can no longer tell apart.
 */
export function buildOutput(source: string, filename = 'prog.go'): string {
  const r = prepare(source, filename);
  return r.kind === 'ok' ? '' : r.stderr;
}

export function run(source: string, options: RunOptions = {}): RunResult {
  return runOnce(source, options).result;
}

/**
 * run(), or null when the JS stack ran out before Go's own depth limit did (library code calling
 * back into Go nests JS frames). Output is only returned, never written, so the caller can run
 * the program again on a thread with a bigger stack, as the CLI does to avoid starting a worker
 * for the programs that fit.
 */
export function runUnlessStackRunsOut(source: string, options: RunOptions = {}): RunResult | null {
  const r = runOnce(source, options);
  return r.jsStackExhausted ? null : r.result;
}

function runOnce(source: string, options: RunOptions): { result: RunResult; jsStackExhausted: boolean } {
  const built = prepare(source, options.filename ?? 'prog.go');
  if (built.kind === 'errors') return { result: notBuilt(built), jsStackExhausted: false };
  const hooks: ExecHooks = {};
  let replay: ReplayRun | null = null;
  if (options.replay !== undefined) {
    const choices = parseWitness(options.replay);
    if (typeof choices === 'string') {
      return { result: { stdout: '', stderr: `gosim: bad replay witness: ${choices}\n`, exitCode: 2, leaks: [], stats: emptyStats }, jsStackExhausted: false };
    }
    replay = new ReplayRun(choices);
    hooks.explore = replay;
  }
  let random: RandomRun | null = null;
  if (replay === null && options.randomSchedule) {
    // Its own stream, apart from the seed's use for select and map order within the run.
    random = new RandomRun(seededRandom((options.seed ?? 1) * 2654435761 + 97));
    hooks.explore = random;
  }
  let rec: TraceRecorder | null = null;
  if (options.trace || options.explain) {
    // Explaining alone needs the recorder's summary, not its event list.
    const maxEvents = typeof options.trace === 'object' ? options.trace.maxEvents : options.trace ? undefined : 0;
    hooks.monitor = (sched) => (rec = new TraceRecorder(sched, { maxEvents }));
  }
  let ended: Scheduler | null = null;
  hooks.finish = (result, sched) => {
    ended = sched;
    if (replay !== null) result.replayFitted = replay.misfit === null;
    if (random !== null) result.witness = random.witness;
  };
  const done = execute(built, options, hooks);
  const result: RunResult = done.result;
  // The hooks' variables, as TypeScript cannot see that execute() called them.
  const recorder = rec as TraceRecorder | null;
  const sched = ended as Scheduler | null;
  if (recorder !== null && sched !== null && options.trace) result.trace = recorder.finish();
  if (recorder !== null && sched !== null && options.explain) {
    const end = blockedAtEnd(sched);
    result.explanations = end === null ? [] : explain(recorder, end.ending, end.blocked);
  }
  return { ...done, result };
}

