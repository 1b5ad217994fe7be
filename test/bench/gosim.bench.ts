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
// A second table measures `gosim explore` (every outcome under all schedules) on three programs:
// three goroutines printing three times each (test/bench/explore/), and the conformance
// corpus's fan-in and worker pool idioms: runs, scheduling states visited, outcomes found,
// whether the search was exhaustive, and its time.
//
// Needs: go, /usr/bin/time (Debian package `time`: apt-get install time), optionally yaegi
// (Debian package `yaegi`: apt-get install yaegi). Missing tools are reported, not fatal.
// BENCH_TIMEOUT_S (default 600) bounds each run; BENCH_ONLY=fib,pingpong selects programs
// (of both tables).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const explorePrograms = [
  { name: 'prints 3×3', file: join(here, 'explore', 'prints3x3.go'), target: 'exhaustive in < 1 s' },
  { name: 'fan_in_waitgroup', file: join(root, 'test', 'conformance', 'programs', 'idiom', 'fan_in_waitgroup.go'), target: '' },
  { name: 'worker_pool', file: join(root, 'test', 'conformance', 'programs', 'idiom', 'worker_pool.go'), target: '' },
].filter((p) => !only || only.includes(basename(p.file, '.go')));
const exploreBudget = Number(process.env.BENCH_EXPLORE_BUDGET ?? 1_000_000);
const exploreMaxMs = Number(process.env.BENCH_EXPLORE_MAX_MS ?? 120_000);
const exploreRows: string[] = [];
for (const p of explorePrograms) {
  process.stderr.write(`explore ${p.name}…\n`);
  const argv = [gosimBin, 'explore', p.file, '--json', '--budget', String(exploreBudget), '--max-ms', String(exploreMaxMs)];
  type Explored = { runs: number; states: number; outcomes: unknown[]; exhaustive: boolean; ms: number; stoppedBy: string | null };
  // Like the rows above, the median of `repeat` searches, for the searches short enough to repeat.
  const tries: { m: Measurement; r: Explored }[] = [];
  let failed: Measurement | null = null;
  for (let i = 0; i < repeat; i++) {
    const m = measure(argv);
    if (!m.ok) { failed = m; break; }
    const r = JSON.parse(m.stdout) as Explored;
    tries.push({ m, r });
    if (r.ms > 10_000) break;
  }
  if (failed !== null) {
    exploreRows.push(`| ${p.name} | failed (${(failed.error ?? '').replace(/\|/g, '\\|')}) | | | | | | ${p.target} |`);
    continue;
  }
  tries.sort((a, b) => a.r.ms - b.r.ms);
  const { m, r } = tries[(tries.length - 1) >> 1]!;
  const how = r.exhaustive ? 'yes' : `no (${r.stoppedBy})`;
  exploreRows.push(`| ${p.name} | ${r.runs} | ${r.states} | ${r.outcomes.length} | ${how} | ${(r.ms / 1000).toFixed(2)} s | ${fmtTime(m)} | ${p.target} |`);
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

\`gosim explore\` (budget ${exploreBudget} runs, ${exploreMaxMs / 1000} s): search time as explore reports it, and the whole command (wall time, peak RSS); the median of ${repeat} searches where one takes under 10 s.

| program | runs | states | outcomes | exhaustive | search | command | target |
|---|---|---|---|---|---|---|---|
${exploreRows.join('\n')}
`);
if (mismatches > 0) console.log(`${mismatches} run(s) printed something other than the native binary.`);
