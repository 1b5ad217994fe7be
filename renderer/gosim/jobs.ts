// What the gosim worker does with each job: the simulator called with the job's budgets. Kept
// apart from the worker's message plumbing (worker.ts) so that tests can run a job in process.
import { buildOutput, checkExercise, explore, parseDiagnostics, run } from '../../gosim/index.ts';
import type { Budget, GosimJob, WorkerRequest, WorkerResponse } from './protocol.ts';

export function perform(job: GosimJob, budget: Budget): unknown {
  switch (job.type) {
    case 'run': {
      // A run in the app draws its schedule at random, as a real Go program's varies from run to run.
      const result = run(job.source, {
        seed: job.seed,
        replay: job.replay,
        randomSchedule: job.replay === undefined,
        explain: true,
        maxWallMs: budget.wallMs,
        maxSteps: budget.steps,
      });
      // A program that never started did not build (os.Exit(1) from a running program also exits 1).
      const built = result.stats.goroutinesCreated > 0 || result.exitCode !== 1;
      return { ...result, diagnostics: built ? [] : parseDiagnostics(result.stderr) };
    }
    case 'explore':
      return explore(job.source, { budget: budget.runs, maxMs: budget.wallMs, maxSteps: budget.steps });
    case 'checkExercise':
      return checkExercise(job.source, job.checks, { budget: budget.runs, maxMs: budget.wallMs, maxSteps: budget.steps });
    case 'diagnose':
      return parseDiagnostics(buildOutput(job.source));
  }
}

/** The worker's answer to one request. */
export function answer(request: WorkerRequest): WorkerResponse {
  const { id, job, budget } = request;
  const started = performance.now();
  try {
    return { id, ok: true, result: perform(job, budget), ms: performance.now() - started };
  } catch (err) {
    // gosim reports a program's failures in its result; reaching here is a bug in gosim.
    return { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
