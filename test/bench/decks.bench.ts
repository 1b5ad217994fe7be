// `npm run bench:decks`: loading big deck folders. 100k cards in 20 files of 5,000 cards, at
// start and at a reload, and how long a status call made during the reload waits; then the
// files the loader must refuse cheaply (a 50 MB file, a YAML alias bomb). Prints a Markdown table.
//
// TRAINER_ROOT=<another checkout> measures that checkout's backend instead (how the "before"
// column of docs/benchmarks.md was measured).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Backend as BackendType, BackendOptions } from '../../electron/backend.ts';
import { aliasBomb, termDeck } from '../electron/helpers.ts';
import { timed } from './stall.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.TRAINER_ROOT ?? path.join(here, '..', '..');
const { Backend } = (await import(pathToFileURL(path.join(root, 'electron', 'backend.ts')).href)) as {
  Backend: new (o: BackendOptions) => BackendType;
};

const files = 20;
const perFile = 5000;

/** Thrown to end the run early, on purpose. */
class Done extends Error {}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-bench-decks-'));
const rows: [string, string][] = [];
try {
  const bundled = path.join(dir, 'bundled');
  const own = path.join(dir, 'decks');
  fs.mkdirSync(bundled);
  fs.mkdirSync(own);
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(own, `deck-${String(i).padStart(2, '0')}.yaml`), termDeck(perFile, `deck-${i}`));
  const options = { dataDir: dir, decksDir: bundled, host: 'web' as const, version: 'bench' };

  // A folder this big loads in the background: the backend serves as soon as its constructor
  // returns, and decksReady settles when every deck is in.
  let served = 0;
  let backend!: BackendType;
  const start = async () => {
    const t0 = performance.now();
    backend = new Backend(options);
    served = performance.now() - t0;
    await backend.decksReady;
  };
  const first = await timed(start);
  rows.push([`start, first load of ${files} files × ${perFile.toLocaleString('en')} cards (${(files * perFile).toLocaleString('en')} cards): serving after / all decks in / longest event-loop stall`, `${s(served)} / ${s(first.total)} / ${s(first.stall)}`]);
  const cards = (await backend.listDecks({})).reduce((n, d) => n + d.cardCount, 0);
  if (cards !== files * perFile) throw new Error(`loaded ${cards} cards`);
  backend.close();

  const again = await timed(start);
  rows.push(['start again, no file changed: serving after / all decks in', `${s(served)} / ${s(again.total)}`]);

  // One file edited: the reload parses and writes that one.
  fs.writeFileSync(path.join(own, 'deck-03.yaml'), termDeck(perFile, 'deck-3').replace(/Meaning /g, 'Sense '));
  const one = await timed(() => backend.reloadDecks({}));
  rows.push(['reload, one file of 5,000 cards changed: time / longest event-loop stall', `${s(one.total)} / ${s(one.stall)}`]);

  // Every file edited.
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(own, `deck-${String(i).padStart(2, '0')}.yaml`), termDeck(perFile, `deck-${i}`).replace(/Term /g, 'Word '));
  const all = await timed(() => backend.reloadDecks({}));
  rows.push([`reload, all ${files} files changed: time / longest event-loop stall`, `${s(all.total)} / ${s(all.stall)}`]);

  // What must be refused cheaply: a 50 MB file and an alias bomb, beside the good files.
  // (BENCH_SKIP_HUGE=1 leaves this out, for a checkout that would spend minutes and gigabytes on it.)
  if (process.env.BENCH_SKIP_HUGE === '1') throw new Done();
  const big = path.join(own, 'huge.yaml');
  const fd = fs.openSync(big, 'w');
  fs.writeSync(fd, termDeck(2, 'huge'));
  const line = `# ${'x'.repeat(1022)}\n`;
  for (let i = 0; i < 50 * 1024; i++) fs.writeSync(fd, line);
  fs.closeSync(fd);
  fs.writeFileSync(path.join(own, 'bomb.yaml'), aliasBomb('bomb'));
  const rssBefore = process.memoryUsage().rss;
  let problems = 0;
  const refused = await timed(async () => {
    try {
      problems = (await backend.reloadDecks({})).problems.length;
    } catch (err) {
      problems = -1;
      rows.push(['  the reload failed', String(err).slice(0, 120)]);
    }
  });
  rows.push([`reload with a 50 MB file and an alias bomb added (${problems} problems reported): time / longest stall`, `${s(refused.total)} / ${s(refused.stall)}`]);
  rows.push(['  memory (RSS) grown by it', `${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB`]);
  backend.close();
} catch (err) {
  if (!(err instanceof Done)) throw err;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const [load1] = os.loadavg();
console.log(`\nDeck loading (${root === path.join(here, '..', '..') ? 'this checkout' : root}; Node ${process.version}, ${os.cpus().length} cores, load average ${load1?.toFixed(1)} at the end)\n`);
console.log('| measurement | time |');
console.log('|---|---|');
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
