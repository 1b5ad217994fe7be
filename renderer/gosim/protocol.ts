// The messages between the page and the Web Worker that runs gosim. Only types cross from
// gosim into the page's own code: the simulator itself is bundled into the worker alone.
import type { ExerciseCheck, ExerciseReport, ExploreResult, RunResult, Diagnostic } from '../../gosim/index.ts';

export type { ExerciseCheck, ExerciseReport, ExploreResult, ExploreOutcome, RunResult, Diagnostic, Explanation, CheckVerdict } from '../../gosim/index.ts';

/** The budgets of one job: gosim stops the program itself when they run out. */
export interface Budget {
  /** Wall-clock milliseconds for one run (or, for explore and checks, the whole search). */
  wallMs: number;
  /** gosim steps for one run. */
  steps: number;
  /** Runs an exploration may make. */
  runs: number;
}

export type GosimJob =
  /** One run: under the witness `replay` when given, else under a schedule drawn at random from `seed`. */
  | { type: 'run'; source: string; seed: number; replay?: string }
  | { type: 'explore'; source: string }
  | { type: 'checkExercise'; source: string; checks: ExerciseCheck[] }
  | { type: 'diagnose'; source: string };

/** A run's result, with its compile errors placed at their line and column ([] when it built). */
export type RunReport = RunResult & { diagnostics: Diagnostic[] };

export type JobResult<J extends GosimJob> = J extends { type: 'run' }
  ? RunReport
  : J extends { type: 'explore' }
    ? ExploreResult
    : J extends { type: 'checkExercise' }
      ? ExerciseReport
      : Diagnostic[];

export interface WorkerRequest {
  id: number;
  job: GosimJob;
  budget: Budget;
}

export type WorkerResponse =
  | { id: number; ok: true; result: unknown; ms: number }
  | { id: number; ok: false; message: string };

/** The worker posts this once it has loaded gosim and can take jobs. */
export interface WorkerReady {
  ready: true;
}
