// gosim's speed against native Go and yaegi on five concurrency-heavy programs
// (test/bench/programs/). Run with `npm run bench:gosim`; prints a Markdown table.
//
// Every engine runs as its own child process under GNU time (`/usr/bin/time -f '%M'`), so peak
// resident memory is measured the same way for all three; wall time is this process's clock
// around the whole child (GNU time's own `%e` resolves only 10 ms, a tenth of a short run), so
// it includes each engine's start-up and a millisecond or so of GNU time's. The native binary is built once, before timing. Outputs are checked
// against each other: a fast wrong answer is reported as a mismatch, not a result.
//
// Each engine runs every program BENCH_REPEAT times (default 9), the engines taking turns, and
// the median run is reported: single runs of these sub-second programs vary by ±20% on a
// shared machine.
//
// A second table measures `explore` (every outcome under all schedules) on the lesson's twelve
// named idioms (the conformance corpus) and the target programs (test/bench/explore/):
// runs, outcomes found, whether the search was exhaustive, its time, and the runs the unreduced
// search (every interleaving) needs.
//
// Needs: go, /usr/bin/time (Debian package `time`: apt-get install time), optionally yaegi
// (Debian package `yaegi`: apt-get install yaegi). Missing tools are reported, not fatal.
// BENCH_TIMEOUT_S (default 600) bounds each run; BENCH_ONLY=fib,pingpong selects programs
// (of both tables).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import type { ExploreResult } from '../../gosim/index.ts';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const programsDir = join(here, 'programs');
const gosimBin = join(root, 'node_modules', '.bin', 'gosim');
const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 600);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 9));
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

interface Measurement {
  ok: boolean;
  seconds: number;
  maxRssKb: number;
  stdout: string;
  /** Why the run is not a result: non-zero exit, timeout, missing tool, wrong output. */
  error?: string;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const haveTime = existsSync('/usr/bin/time');
const haveYaegi = has('yaegi');
const work = mkdtempSync(join(tmpdir(), 'gosim-bench-'));
// Native builds happen in a module so current Go semantics apply, as they do in gosim.
writeFileSync(join(work, 'go.mod'), 'module bench\n\ngo 1.26\n');

/** The line of a failed run's stderr that says what went wrong, kept short for a table cell. */
function firstLine(s: string): string {
  const lines = s.trim().split('\n').filter((l) => l.trim() !== '');
  const thrown = lines.find((l) => /^(\w*Error\b|panic: |fatal error: |gosim: )/.test(l.trim()));
  return (thrown ?? lines.slice(-2).join(' | ')).trim().slice(0, 160);
}

function measure(argv: string[]): Measurement {
  const timeFile = join(work, 'time.txt');
  rmSync(timeFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, ...argv], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 64 << 20,
    killSignal: 'SIGKILL',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const stdout = r.stdout ?? '';
  if (r.error) return { ok: false, seconds: NaN, maxRssKb: NaN, stdout, error: `${r.error.message}` };
  const rss = (existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '').trim().split('\n').pop() ?? '';
  const m = { seconds, maxRssKb: Number(rss), stdout };
  if (r.status !== 0) return { ok: false, ...m, error: `exit ${r.status}: ${firstLine(r.stderr ?? '')}` };
  return { ok: true, ...m };
}

/**
 * Each command `repeat` times, taking turns (one run of each, then again), so that a machine
 * getting slower or faster meanwhile affects every engine alike; for each, the median run by wall
 * time (its memory with it), or its first failure. A null command is not run.
 */
function measureMedians(argvs: (string[] | null)[]): (Measurement | null)[] {
  const runs: Measurement[][] = argvs.map(() => []);
  const failed: (Measurement | null)[] = argvs.map(() => null);
  for (let i = 0; i < repeat; i++) {
    argvs.forEach((argv, k) => {
      if (argv === null || failed[k] !== null) return;
      const m = measure(argv);
      if (m.ok) runs[k]!.push(m); else failed[k] = m;
    });
  }
  return argvs.map((argv, k) => {
    if (argv === null) return null;
    if (failed[k] !== null) return failed[k];
    const ms = runs[k]!.sort((a, b) => a.seconds - b.seconds);
    return ms[(ms.length - 1) >> 1]!;
  });
}

function version(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0] ?? '?';
  } catch {
    return 'not installed';
  }
}

function fmtTime(m: Measurement | null): string {
  if (m === null) return 'skipped';
  if (!m.ok) return `failed (${(m.error ?? '').replace(/\|/g, '\\|')})`;
  return `${m.seconds.toFixed(3)} s / ${(m.maxRssKb / 1024).toFixed(0)} MB`;
}

function ratio(a: Measurement | null, b: Measurement | null): string {
  if (!a?.ok || !b?.ok) return '–';
  return `${(a.seconds / b.seconds).toFixed(2)}×`;
}

if (!haveTime) {
  console.error('gosim bench: /usr/bin/time is missing; install it with `apt-get install time`.');
  process.exit(1);
}

const files = readdirSync(programsDir)
  .filter((f) => f.endsWith('.go'))
  .filter((f) => !only || only.includes(basename(f, '.go')))
  .sort();

// The gosim command bundles itself (and caches V8's compiled code) on its first run after a
// change; a learner pays that once, so one untimed run keeps it out of the first row.
if (files.length > 0) spawnSync(gosimBin, ['run', join(programsDir, files[0]!)], { stdio: 'ignore' });

const rows: string[] = [];
let mismatches = 0;
for (const f of files) {
  const src = join(programsDir, f);
  const name = basename(f, '.go');
  const bin = join(work, name);
  process.stderr.write(`${name}: native, gosim${haveYaegi ? ', yaegi' : ' (yaegi skipped)'} × ${repeat}\n`);
  copyFileSync(src, join(work, f));
  const build = spawnSync('go', ['build', '-o', bin, `./${f}`], { cwd: work, encoding: 'utf8' });
  const built = build.status === 0;
  const [nativeRun, gosim, yaegi] = measureMedians([
    built ? [bin] : null,
    [gosimBin, 'run', src, '--max-wall-ms', String(timeoutS * 1000)],
    haveYaegi ? ['yaegi', 'run', src] : null,
  ]) as [Measurement | null, Measurement, Measurement | null];
  const native: Measurement = nativeRun
    ?? { ok: false, seconds: NaN, maxRssKb: NaN, stdout: '', error: `go build: ${firstLine(build.stderr ?? String(build.error))}` };
  // The native output is the reference; anything else is a wrong result, whatever its speed.
  for (const m of [gosim, yaegi]) {
    if (m?.ok && native.ok && m.stdout !== native.stdout) {
      m.ok = false;
      m.error = `output differs from native: ${JSON.stringify(m.stdout.slice(0, 60))}`;
      mismatches++;
    }
  }
  rows.push(
    `| ${name} | ${fmtTime(native)} | ${fmtTime(gosim)} | ${fmtTime(yaegi)} | ${ratio(gosim, native)} | ${ratio(gosim, yaegi)} | ${native.ok ? native.stdout.trim() : '?'} |`,
  );
}

// ------------------------------------------------------------------ explore

// explore() in this process, on its own clock (ExploreResult.ms): the reduced search (the
// median of EXPLORE_REPEAT, default 3; one when it takes over 10 s), and the unreduced search
// once, for the runs every interleaving takes, or how far it got.
//
// explore runs as the app runs it: gosim bundled by esbuild, as Vite bundles it into the page's
// Web Worker. Imported through tsx instead, every function the compiler creates would also pay a
// call that keeps its name, which made the search two to three times slower than in the app.
const esbuild = await import('esbuild');
const exploreBundle = join(work, 'gosim-explore.mjs');
await esbuild.build({
  entryPoints: [join(root, 'gosim', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral',
  target: 'es2022', outfile: exploreBundle, logLevel: 'error',
});
const { explore } = await import(pathToFileURL(exploreBundle).href) as typeof import('../../gosim/index.ts');
const conformance = join(root, 'test', 'conformance', 'programs');
const benchExplore = join(here, 'explore');
const explorePrograms: { name: string; file: string; target: string }[] = [
  ...[
    ['done-channel signal', 'idiom/done_channel.go'],
    ['leak on unbuffered send', 'idiom/leak_unbuffered_send.go'],
    ['range over a channel nobody closes', 'crash/deadlock_range_unclosed.go'],
    ['fan-in with WaitGroup (3 producers × 3 values; fan_in_waitgroup)', 'idiom/fan_in_waitgroup.go'],
    ['worker pool (3 workers × 9 jobs; worker_pool)', 'idiom/worker_pool.go'],
    ['cancellation by closing a channel (3 spinning workers)', 'idiom/cancel_by_close.go'],
    ['select with time.After (loop)', 'idiom/select_timeout_loop.go'],
    ['select with time.After', 'time/after_timeout.go'],
    ['semaphore (2 over 6 goroutines)', 'idiom/semaphore.go'],
    ['pipeline (3 stages × 6 values)', 'idiom/pipeline.go'],
    ['first-error cancellation', 'idiom/first_error_cancel.go'],
    ['ticker loop', 'idiom/ticker_loop.go'],
  ].map(([name, f]) => ({ name: name!, file: join(conformance, f!), target: 'idiom: exhaustive, < 1 s' })),
  { name: 'pool 4 workers × 8 jobs', file: join(benchExplore, 'pool4x8.go'), target: 'exhaustive, < 1 s' },
  { name: '3-stage pipeline × 5 values', file: join(benchExplore, 'pipeline3x5.go'), target: 'exhaustive, < 1 s' },
  { name: 'cancel by close, 5 goroutines', file: join(benchExplore, 'cancel5.go'), target: 'exhaustive, < 1 s' },
  { name: 'prints 3×3 (1680 outcomes)', file: join(benchExplore, 'prints3x3.go'), target: 'exhaustive, < 0.3 s' },
  { name: '6 goroutines signalling `done <- true` on a buffered channel', file: join(benchExplore, 'done6.go'), target: 'exhaustive, < 1 s' },
].filter((p) => !only || only.includes(basename(p.file, '.go')));
const exploreBudget = Number(process.env.BENCH_EXPLORE_BUDGET ?? 200_000);
const exploreMaxMs = Number(process.env.BENCH_EXPLORE_MAX_MS ?? 60_000);
const fullBudget = Number(process.env.BENCH_FULL_BUDGET ?? 100_000);
const fullMaxMs = Number(process.env.BENCH_FULL_MAX_MS ?? 30_000);
const exploreRepeat = Math.max(1, Number(process.env.EXPLORE_REPEAT ?? 3));
const exploreRows: string[] = [];
for (const p of explorePrograms) {
  process.stderr.write(`explore ${p.name}…\n`);
  const src = readFileSync(p.file, 'utf8');
  const tries: ExploreResult[] = [];
  for (let i = 0; i < exploreRepeat; i++) {
    const r = explore(src, { budget: exploreBudget, maxMs: exploreMaxMs });
    tries.push(r);
    if (r.ms > 10_000) break;
  }
  tries.sort((a, b) => a.ms - b.ms);
  const r = tries[(tries.length - 1) >> 1]!;
  const full = explore(src, { budget: fullBudget, maxMs: fullMaxMs, reduce: false });
  const how = r.exhaustive ? 'yes' : `no (${r.stoppedBy})`;
  const fullCell = full.exhaustive ? String(full.runs) : `did not finish (${full.runs} runs, ${full.stoppedBy})`;
  exploreRows.push(`| ${p.name} | ${r.runs} | ${r.outcomes.length} | ${how} | ${(r.ms / 1000).toFixed(2)} s | ${fullCell} | ${p.target} |`);
}
// What Node alone costs to start, for reading the gosim column: part of every gosim row.
const [nodeStart] = measureMedians([[process.execPath, '-e', '0']]);
const extraCerts = process.env['NODE_EXTRA_CA_CERTS'];
const [nodeStartBare] = extraCerts
  ? measureMedians([['env', '-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0']])
  : [null];
const nodeNote = `Node alone (\`node -e 0\`) starts in ${fmtTime(nodeStartBare ?? nodeStart ?? null)}`
  + (nodeStartBare ? `, or ${fmtTime(nodeStart ?? null)} with this environment's NODE_EXTRA_CA_CERTS, which the gosim command drops` : '') + '.';

rmSync(work, { recursive: true, force: true });

const cpuModel = cpus()[0]?.model ?? 'unknown';
const nproc = version('nproc', []);
console.log(`## gosim benchmark, ${new Date().toISOString()}

Machine: ${nproc} CPUs (${cpuModel}); node ${process.version}; ${version('go', ['version'])}; yaegi ${haveYaegi ? version('yaegi', ['version']) : 'not installed (apt-get install yaegi)'}.
Wall time of each engine's own process (start-up included) and its peak RSS (/usr/bin/time); the median of ${repeat} run${repeat === 1 ? '' : 's'} each, the engines taking turns.
${nodeNote}

| program | native Go | gosim | yaegi | gosim/native | gosim/yaegi | output |
|---|---|---|---|---|---|---|
${rows.join('\n')}

\`explore\` (reduced search: budget ${exploreBudget} runs and ${exploreMaxMs / 1000} s, time on explore's own clock, the median of ${exploreRepeat} searches where one takes under 10 s; unreduced search: once, budget ${fullBudget} runs and ${fullMaxMs / 1000} s).

| program | runs | outcomes | exhaustive | time | unreduced runs | target |
|---|---|---|---|---|---|---|
${exploreRows.join('\n')}
`);
if (mismatches > 0) console.log(`${mismatches} run(s) printed something other than the native binary.`);
