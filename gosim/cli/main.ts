// The gosim command: `gosim run prog.go [--seed N]` runs a Go program like the binary `go build`
// would make (its stdout/stderr and exit status); `gosim check prog.go` prints compile errors.
import { existsSync, readFileSync } from 'node:fs';
import { resolve, basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { run, buildOutput, runUnlessStackRunsOut, type RunOptions, type RunResult } from '../index.ts';

/**
 * run() on this thread, and again in a worker thread with a 256 MB stack only if the JS stack
 * ran out: Go calls do not use the JS stack, but library code calling back into Go (sort.Slice's
 * less, String methods) still nests JS frames. Output is buffered until the run ends, so the
 * first attempt leaves no trace. Starting a worker and loading the simulator into it cost ~100 ms
 * per command, more than most programs run.
 */
function runProgram(source: string, options: RunOptions): Promise<RunResult> | RunResult {
  const start = Date.now();
  const r = runUnlessStackRunsOut(source, options);
  if (r !== null) return r;
  // The retry gets what is left of an explicit wall-time budget, so the command still ends in time.
  const maxWallMs = options.maxWallMs === undefined ? undefined : Math.max(1, options.maxWallMs - (Date.now() - start));
  return runInWorker(source, { ...options, maxWallMs });
}

async function runInWorker(source: string, options: RunOptions): Promise<RunResult> {
  // The worker is bundled beside this file by gosim.mjs; when running unbundled (through tsx)
  // there is no worker file, and the program runs on this thread.
  const workerFile = new URL('./gosim-worker.mjs', import.meta.url);
  if (!existsSync(workerFile)) return run(source, options);
  try {
    return await new Promise<RunResult>((resolveRun, reject) => {
      const w = new Worker(workerFile, {
        workerData: { source, options },
        resourceLimits: { stackSizeMb: 256 },
      });
      w.once('message', (r: RunResult) => { resolveRun(r); void w.terminate(); });
      w.once('error', reject);
      w.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
    });
  } catch (e) {
    if (process.env['GOSIM_DEBUG']) process.stderr.write(`gosim: worker failed: ${String(e)}\n`);
    return run(source, options);
  }
}

const HELP = `usage: gosim <command> [arguments]

  gosim run <file.go> [--seed N] [--max-wall-ms N]   run a Go program in the simulator
  gosim check <file.go>                              print compile errors, exit 1 if any
  gosim --help                                       show this help
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP);
    return cmd ? 0 : 2;
  }
  let file: string | null = null;
  let seed: number | undefined;
  let maxWallMs: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--seed') seed = Number(rest[++i]);
    else if (a === '--max-wall-ms') maxWallMs = Number(rest[++i]);
    else if (!a.startsWith('-') && file === null) file = a;
    else { process.stderr.write(`gosim: unknown argument ${a}\n${HELP}`); return 2; }
  }
  if (file === null) { process.stderr.write(`gosim: ${cmd} needs a .go file\n`); return 2; }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`gosim: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const filename = basename(file);
  if (cmd === 'check') {
    // go build's own text: its header precedes compile errors but not load errors (bad import).
    const out = buildOutput(source, filename);
    if (out === '') return 0;
    process.stderr.write(out);
    return 1;
  }
  if (cmd !== 'run') { process.stderr.write(`gosim: unknown command ${cmd}\n${HELP}`); return 2; }
  const r = await runProgram(source, { filename, sourcePath: resolve(file), seed, maxWallMs });
  await new Promise<void>((res) => process.stdout.write(r.stdout, () => res()));
  await new Promise<void>((res) => process.stderr.write(r.stderr, () => res()));
  return r.exitCode;
}
