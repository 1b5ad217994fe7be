// The gosim command: `gosim run prog.go [--seed N]` runs a Go program like the binary `go build`
// would make (its stdout/stderr and exit status); `gosim check prog.go` prints compile errors;
// `gosim explore prog.go` lists every way the program can end, each with a witness that
// `gosim run --replay` reproduces.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, basename } from 'node:path';
import { createRequire } from 'node:module';
import { run, buildOutput, runUnlessStackRunsOut, explore, type RunOptions, type RunResult, type ExploreResult } from '../index.ts';

export { prime } from './prime.ts';

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
  // The worker is bundled beside this file by gosim.cjs; when running unbundled (through tsx)
  // there is no worker file, and the program runs on this thread.
  const workerFile = new URL('./gosim-worker.mjs', import.meta.url);
  if (!existsSync(workerFile)) return run(source, options);
  // Loaded here, not at the top: loading node:worker_threads costs 3 ms of every command's start.
  // Through require: the bundle runs in node:vm, where import() has no loader to call.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
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

  gosim run <file.go> [options]      run a Go program in the simulator
      --seed N                       seed of select's and map order's randomness (default 1)
      --max-wall-ms N                wall-clock budget (default 5000)
      --replay WITNESS               follow the schedule of a witness printed by explore
      --random-schedule              run one schedule drawn at random from the seed (which
                                     goroutine goes next at every point), and print its witness
      --trace FILE                   write the run's trace (JSON, docs/trace.md) to FILE
      --explain                      after the run, explain a deadlock or leaked goroutines
  gosim explore <file.go> [options]  every distinct outcome under all schedules
      --budget N                     most runs in all (default 5000)
      --max-ms N                     wall-clock limit of the whole search (default 20000)
      --json                         print the result as JSON
  gosim check <file.go>              print compile errors, exit 1 if any
  gosim --help                       show this help
`;

export async function main(argv: string[]): Promise<number> {
  // `gosim explore prog.go | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP);
    return cmd ? 0 : 2;
  }
  let file: string | null = null;
  let seed: number | undefined;
  let maxWallMs: number | undefined;
  let replay: string | undefined;
  let traceFile: string | undefined;
  let explain = false;
  let randomSchedule = false;
  let budget: number | undefined;
  let maxMs: number | undefined;
  let json = false;
  const num = (a: string, v: string | undefined): number | string => {
    const n = Number(v);
    return v !== undefined && /^\d+$/.test(v) && Number.isSafeInteger(n) ? n : `gosim: ${a} needs a whole number`;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    let n: number | string = 0;
    if (a === '--seed' || a === '--max-wall-ms' || a === '--budget' || a === '--max-ms') {
      n = num(a, rest[++i]);
      if (typeof n === 'string') { process.stderr.write(`${n}\n`); return 2; }
    }
    if (a === '--seed') seed = n as number;
    else if (a === '--max-wall-ms') maxWallMs = n as number;
    else if (a === '--budget') budget = n as number;
    else if (a === '--max-ms') maxMs = n as number;
    else if (a === '--replay' && rest[i + 1] !== undefined) replay = rest[++i];
    else if (a === '--trace' && rest[i + 1] !== undefined) traceFile = rest[++i];
    else if (a === '--explain') explain = true;
    else if (a === '--random-schedule') randomSchedule = true;
    else if (a === '--json') json = true;
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
  if (cmd === 'explore') {
    const r = explore(source, { filename, sourcePath: resolve(file), seed, budget, maxMs });
    if (r.buildErrors !== null && !json) {
      await write(process.stderr, r.buildErrors);
      return 1;
    }
    await write(process.stdout, json ? JSON.stringify(r, null, 2) + '\n' : describeExploration(r, file));
    return r.buildErrors !== null ? 1 : 0;
  }
  if (cmd !== 'run') { process.stderr.write(`gosim: unknown command ${cmd}\n${HELP}`); return 2; }
  const options: RunOptions = { filename, sourcePath: resolve(file), seed, maxWallMs, replay, explain, trace: traceFile !== undefined, randomSchedule };
  // A replayed, random or traced run keeps to this thread: its result carries more than the worker returns.
  const r = replay !== undefined || randomSchedule || traceFile !== undefined || explain ? run(source, options) : await runProgram(source, options);
  await write(process.stdout, r.stdout);
  await write(process.stderr, r.stderr);
  if (r.replayFitted === false) await write(process.stderr, 'gosim: the replay witness does not fit this program; the run left it where it stopped fitting\n');
  if (r.witness !== undefined) await write(process.stderr, `gosim: schedule ${r.witness} (replay it with --replay ${r.witness})\n`);
  if (traceFile !== undefined && r.trace) {
    try {
      writeFileSync(traceFile, JSON.stringify(r.trace) + '\n');
    } catch (e) {
      await write(process.stderr, `gosim: cannot write the trace to ${traceFile}: ${(e as Error).message}\n`);
    }
  }
  if (explain && r.explanations && r.explanations.length > 0) {
    await write(process.stderr, '\ngosim explains:\n' + r.explanations.map((x) => `  - ${x.text}\n`).join(''));
  }
  return r.exitCode;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise<void>((res) => stream.write(text, () => res()));
}

const STOPPED: Record<NonNullable<ExploreResult['stoppedBy']>, string> = {
  budget: 'stopped by its budget',
  time: 'stopped by its time limit',
  depth: 'some runs went past the explored depth and followed a default schedule',
  nondeterministic: 'a run went differently under the same choices (a gosim bug; please report it)',
};

/** explore's result for a reader: a summary line, then each outcome with its witness. */
function describeExploration(r: ExploreResult, file: string): string {
  const how = r.exhaustive
    ? 'every schedule covered'
    : `not exhaustive: ${STOPPED[r.stoppedBy ?? 'budget']}${r.randomRuns > 0 ? `; ${r.randomRuns} of the runs used random schedules` : ''}`;
  const n = r.outcomes.length;
  let out = `${n} distinct outcome${n === 1 ? '' : 's'} in ${r.runs} run${r.runs === 1 ? '' : 's'} (${how}); ${r.states} scheduling states, ${(r.ms / 1000).toFixed(2)} s\n`;
  r.outcomes.forEach((o, i) => {
    out += `\noutcome ${i + 1}: exit status ${o.exitCode}${o.crash ? `, ${o.crash}` : ''} (${o.runs} run${o.runs === 1 ? '' : 's'})\n`;
    const block = (label: string, text: string) => {
      if (text === '') return;
      out += `  ${label}:\n` + text.replace(/\n$/, '').split('\n').map((l) => `    | ${l}\n`).join('');
    };
    block('stdout', o.stdout);
    block('stderr', o.stderr);
    if (o.leaked > 0 && o.crash === null) out += `  ${o.leaked} goroutine${o.leaked === 1 ? '' : 's'} still blocked when main returned (leaked)\n`;
    for (const x of o.explanations ?? []) out += `  why: ${x.text}\n`;
    out += `  replay: gosim run ${file} --replay ${o.witness}\n`;
  });
  return out;
}
