// The Web Worker that runs gosim for the page, one job at a time. A job never blocks the page:
// it runs here, and the page can end it at any moment by terminating this worker.
import { buildOutput, checkExercise, explore, parseDiagnostics, run } from '../../gosim/index.ts';
import type { Budget, GosimJob, WorkerRequest, WorkerResponse } from './protocol.ts';

function perform(job: GosimJob, budget: Budget): unknown {
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

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

scope.onmessage = (e) => {
  const { id, job, budget } = e.data;
  const started = performance.now();
  let reply: WorkerResponse;
  try {
    reply = { id, ok: true, result: perform(job, budget), ms: performance.now() - started };
  } catch (err) {
    // gosim reports a program's failures in its result; reaching here is a bug in gosim.
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};

scope.postMessage({ ready: true });
