// The public gosim API the conformance tests exercise, imported as the app imports it. The
// local types restate the shared contract (RunOptions / RunResult); the assignment below makes
// the typecheck fail if gosim/index.ts ever drifts from it.
import { run as gosimRun } from '../../gosim/index.ts';

export interface Loc {
  func: string;
  file: string;
  line: number;
}

export interface Leak {
  id: number;
  waitReason: string;
  createdAt: Loc | null;
  blockedAt: Loc;
}

export interface RunStats {
  goroutinesCreated: number;
  maxLiveGoroutines: number;
  channelOps: number;
  virtualTimeNs: number;
  steps: number;
}

export interface RunOptions {
  seed?: number;
  filename?: string;
  sourcePath?: string;
  maxSteps?: number;
  maxWallMs?: number;
  maxGoroutines?: number;
  maxOutputBytes?: number;
  maxStackDepth?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  leaks: Leak[];
  stats: RunStats;
}

export type RunFn = (source: string, options?: RunOptions) => RunResult;

const contractRun: RunFn = gosimRun;

/** Async so callers do not depend on how gosim is loaded. */
export async function loadRun(): Promise<RunFn> {
  return contractRun;
}
