// The public gosim API the conformance tests exercise, imported as the app imports it.
import { run, type RunOptions, type RunResult } from '../../gosim/index.ts';

export type { Leak, RunOptions, RunResult, RunStats } from '../../gosim/index.ts';

export type RunFn = (source: string, options?: RunOptions) => RunResult;

/** Async so callers do not depend on how gosim is loaded. */
export async function loadRun(): Promise<RunFn> {
  return run;
}
