// `npm run bench:transfer`: import of a big Anki package and export of a big progress file.
// A 50,000-note package (current format) with 500,000 reviews is built here, then read
// (preview) and written (commit) through the backend; a collection with 1,000,000 review-log
// rows is exported as a progress file and restored into an empty profile. Prints a Markdown
// table; targets are reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/backend.ts';
import { exportProgress } from '../../electron/transfer/progressFile.ts';
import { buildApkg, type PkgNote } from '../electron/transfer/ankiPackage.ts';
import { timed } from './stall.ts';

const notes = 50_000;
const reviewsPerNote = 10;
const logRows = 1_000_000;
const day = 86_400_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-transfer-'));
const emptyDecks = path.join(work, 'no-decks');
fs.mkdirSync(emptyDecks);

let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
const rows: [string, string, string][] = [];
/** Wall time, and this process's CPU time (user + system) since `cpu`: on a shared machine the wall clock also counts waiting for a core. */
let cpuMark = process.cpuUsage();
const mark = () => {
  cpuMark = process.cpuUsage();
  return performance.now();
};
const ms = (a: number, b: number) => {
  const c = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  return `${((b - a) / 1000).toFixed(2)} s (CPU ${((c.user + c.system) / 1e6).toFixed(2)} s)`;
};

function backend(dir: string): Backend {
  return new Backend({ dataDir: dir, decksDir: emptyDecks, host: 'web', version: 'bench' });
}

async function importBench(): Promise<void> {
  const now = Date.now();
  const spec: PkgNote[] = [];
  for (let i = 0; i < notes; i++) {
    const start = now - 400 * day + rand() * 30 * day;
    const reviews = Array.from({ length: reviewsPerNote }, (_, k) => ({ at: Math.round(start + k * 30 * day + rand() * day), ease: rand() < 0.1 ? 1 : 3, timeMs: 3000 + Math.round(rand() * 8000), type: k < 2 ? 0 : 1 }));
    spec.push({ id: 1_500_000_000_000 + i, guid: `n${i}`, type: i % 10 === 0 ? 'reversed' : 'basic', deck: `Deck ${i % 20}`, fields: [`Question ${i}: what does <b>select</b> do?`, `Answer ${i}`], cards: { 0: { reviews } } });
  }
  let t = mark();
  const apkg = await buildApkg({ format: 'modern', notes: spec });
  rows.push(['build the package (test helper, not the app)', `${ms(t, performance.now())} (${(apkg.length / 1048576).toFixed(1)} MB)`, '']);

  const dir = path.join(work, 'import');
  const b = backend(dir);
  t = mark();
  const started = process.cpuUsage();
  const { importId } = b.transfer.stage('big.apkg', apkg);
  await b.transfer.jobs.get(importId)!.finished;
  const preview = await b.importStatus({ importId });
  const read = performance.now();
  const readTime = ms(t, read);
  if (preview.problems.length) throw new Error(JSON.stringify(preview.problems.slice(0, 3)));
  const { value: outcome, stall } = await timed(() => b.importCommit({ importId }));
  const done = performance.now();
  const writeTime = ms(read, done);
  rows.push(['import: read, unpack and plan (preview)', readTime, '']);
  rows.push([`import: write ${outcome.added} cards + ${outcome.reviews} reviews, FSRS replayed (one transaction, on worker threads)`, writeTime, '']);
  rows.push(['— longest the main thread was held up during that write', `${(stall / 1000).toFixed(2)} s`, '']);
  cpuMark = started;
  rows.push([`import of ${notes} notes with ${notes * reviewsPerNote} reviews, total`, ms(t, done), '< 10 s']);
  b.close();
}

function bigCollection(file: string): void {
  const b = backend(path.dirname(file));
  b.close();
  const db = new Database(file);
  const now = Date.now();
  db.transaction(() => {
    db.prepare("INSERT INTO decks (id, name, description, file, position) VALUES ('big', 'Big', '', 'big.yaml', 0)").run();
    const card = db.prepare(`INSERT INTO cards (id, key, deck_id, ord, kind, content, due, stability, difficulty, scheduled_days, reps, state, last_review) VALUES (?, ?, 'big', ?, 'question', ?, ?, 10, 5, 10, 10, 2, ?)`);
    for (let i = 1; i <= 100_000; i++) card.run(i, `big/c${i}`, i, JSON.stringify({ id: `c${i}`, kind: 'question', question: `Q${i}`, answer: `A${i}` }), now + day, now - day);
    const log = db.prepare('INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms) VALUES (?, ?, 2, ?, ?, ?)');
    const before = JSON.stringify({ due: now, stability: 5.1234, difficulty: 5.4321, scheduled_days: 3, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: now - 3 * day, buried_until: null });
    for (let i = 0; i < logRows; i++) log.run(1 + (i % 100_000), 1 + Math.floor(rand() * 4), before, now - 700 * day + i * 60_000, 4000);
  })();
  db.close();
}

async function exportBench(): Promise<void> {
  const dir = path.join(work, 'export');
  fs.mkdirSync(dir);
  const file = path.join(dir, 'progress.db');
  bigCollection(file);
  const db = new Database(file);
  const times: { wall: number; cpu: number }[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    bytes = exportProgress(db, 'bench', new Date());
    const used = process.cpuUsage(c);
    times.push({ wall: performance.now() - t, cpu: (used.user + used.system) / 1000 });
  }
  db.close();
  times.sort((a, b) => a.wall - b.wall);
  rows.push([`export progress: 100k cards + ${logRows} reviews, median of 3`, `${(times[1]!.wall / 1000).toFixed(2)} s (CPU ${(times[1]!.cpu / 1000).toFixed(2)} s; ${(bytes.length / 1048576).toFixed(1)} MB)`, '< 5 s']);

  const target = backend(path.join(work, 'restore'));
  const t = mark();
  const { importId } = target.transfer.stage('big.gctprogress', bytes);
  await target.transfer.jobs.get(importId)!.finished;
  const p = await target.importStatus({ importId });
  if (p.problems.length) throw new Error(JSON.stringify(p.problems.slice(0, 3)));
  const read = performance.now();
  const readTime = ms(t, read);
  const restored = await timed(() => target.importCommit({ importId }));
  rows.push(['restore that file into an empty profile: read / write (on a worker thread)', `${readTime} / ${ms(read, performance.now())}`, '']);
  rows.push(['— longest the main thread was held up during that write', `${(restored.stall / 1000).toFixed(2)} s`, '']);
  target.close();
}

try {
  await importBench();
  await exportBench();
  console.log(`Transfer benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  console.log('| measurement | time | target |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
