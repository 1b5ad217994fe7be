// The public gosim API exercised by the conformance tests, typed from the shared contract
// (RunOptions / RunResult in gosim/index.ts). It is loaded dynamically so this directory still
// typechecks while gosim/index.ts is being written; once it exists the shapes must agree.
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

const indexPath = new URL('../../gosim/index.ts', import.meta.url).href;

export async function loadRun(): Promise<RunFn> {
  const mod = (await import(/* @vite-ignore */ indexPath)) as { run?: unknown };
  if (typeof mod.run !== 'function') throw new Error('gosim/index.ts does not export run()');
  return mod.run as RunFn;
}
