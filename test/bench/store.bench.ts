// `npm run bench:store`: the store at the size of a heavy user's collection (100k cards, 1M
// review-log rows). Prints a Markdown table; targets are reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Rating } from '../../api/contract.ts';
import { Scheduler } from '../../electron/scheduler/scheduler.ts';
import { browseCards, browseFilters, cardInfo } from '../../electron/store/browse.ts';
import { takeBackup } from '../../electron/store/backups.ts';
import { CardStore } from '../../electron/store/cards.ts';
import { openDatabase } from '../../electron/store/open.ts';
import { searchText, tagColumn } from '../../electron/store/search.ts';
import { readSettings } from '../../electron/store/settings.ts';

const cardCount = 100_000;
const logCount = 1_000_000;
const deckCount = 10;
const answers = 1_000;
const coldRuns = 5;
const day = 86_400_000;

// A small deterministic generator so every run builds the same collection.
let seed = 42;
function rand(): number {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

// Words of the subject, so that a search for a common one matches a share of cards as it would.
const vocabulary = (
  'goroutine channel buffered unbuffered select mutex waitgroup context deadline cancel close range send receive ' +
  'block deadlock leak race atomic once cond timer ticker sleep worker pool pipeline fan in out semaphore errgroup ' +
  'scheduler preempt runtime panic recover defer main exit value pointer slice map struct interface method closure ' +
  'loop variable capture order happens before memory model sync lock unlock reader writer'
).split(' ');

function words(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(vocabulary[Math.floor(rand() * vocabulary.length)]!);
  return out.join(' ');
}

function open(file: string) {
  const r = openDatabase(file);
  if (!r.ok) throw new Error(r.problem);
  return r.db;
}

function generate(file: string, now: number): void {
  const db = open(file);
  const deck = db.prepare('INSERT INTO decks (id, name, description, file, position) VALUES (?, ?, ?, ?, ?)');
  const card = db.prepare(
    `INSERT INTO cards (id, key, deck_id, ord, kind, content, due, stability, difficulty, scheduled_days,
       learning_steps, reps, lapses, state, last_review, search, tags) VALUES (?, ?, ?, ?, 'question', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const log = db.prepare(
    `INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  db.transaction(() => {
    for (let d = 0; d < deckCount; d++) deck.run(`deck-${d}`, `Deck ${d}`, '', `deck-${d}.yaml`, d);
    for (let i = 1; i <= cardCount; i++) {
      const d = i % deckCount;
      const r = rand();
      // 35% new, 3% in (re)learning, the rest in review with due dates from 90 days ago to 300 ahead.
      const state = r < 0.35 ? 0 : r < 0.38 ? 1 : 2;
      const due = state === 0 ? now - day : state === 1 ? now - 60_000 + rand() * 3_600_000 : now + (rand() * 390 - 90) * day;
      // Card text the size of a real card's (a question of ~15 words, an answer of ~40), so the
      // browser's text search scans what it would scan in a real collection.
      const tags = [vocabulary[Math.floor(rand() * 40)]!, ...(rand() < 0.5 ? [vocabulary[Math.floor(rand() * 40)]!] : [])];
      const content = JSON.stringify({ id: `c${i}`, kind: 'question', question: `${words(15)} ${i}?`, answer: `${words(40)}.`, tags });
      const key = `deck-${d}/c${i}`;
      const reps = state === 0 ? 0 : 1 + Math.floor(rand() * 20);
      card.run(i, key, `deck-${d}`, i, content, Math.round(due), 1 + rand() * 100, 1 + rand() * 9,
        state === 2 ? Math.floor(rand() * 100) : 0, reps, Math.floor(rand() * 3), state, state === 0 ? null : now - day,
        searchText(key, content), tagColumn(content));
    }
    // One card in a hundred suspended, for the browser's state filter.
    db.prepare('UPDATE cards SET suspended = 1 WHERE id % 100 = 7').run();
    const before = JSON.stringify({ due: now, stability: 5, difficulty: 5, scheduled_days: 3, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: now - 3 * day, buried_until: null });
    for (let i = 0; i < logCount; i++) {
      // Two years of history; about 100 of the rows fall in the current day.
      const at = i < logCount - 100 ? now - day - rand() * 730 * day : now - rand() * 3_600_000;
      log.run(1 + Math.floor(rand() * cardCount), 1 + Math.floor(rand() * 4), Math.floor(rand() * 3), before, Math.round(at), Math.floor(rand() * 20_000));
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (x: number): string => x.toFixed(2);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-bench-'));
try {
  const file = path.join(dir, 'progress.db');
  const now = Date.now();
  const t0 = performance.now();
  generate(file, now);
  const genMs = performance.now() - t0;
  const sizeMb = fs.statSync(file).size / 1e6;

  // Cold open: a fresh connection, the integrity check a real start runs, then today's queue.
  // Repeated a few times, each on a new connection, because one run on a shared machine is noise.
  const openTimes: number[] = [];
  const coldQueue: number[] = [];
  for (let run = 0; run < coldRuns; run++) {
    const a = performance.now();
    const probe = open(file);
    const b = performance.now();
    const probeStore = new CardStore(probe);
    const probeSettings = readSettings(probe);
    const probeScheduler = new Scheduler(probeStore, () => new Date(), () => probeSettings);
    probeScheduler.counts();
    if (!probeScheduler.next()) throw new Error('the generated collection has nothing due');
    const c = performance.now();
    probe.close();
    openTimes.push(b - a);
    coldQueue.push(c - b);
  }
  openTimes.sort((x, y) => x - y);
  coldQueue.sort((x, y) => x - y);

  const db = open(file);
  const store = new CardStore(db);
  const settings = readSettings(db);
  const scheduler = new Scheduler(store, () => new Date(), () => settings);
  let due = 0;
  for (const c of scheduler.counts().values()) due += c.newCount + c.learningCount + c.dueCount;

  // Steady state: the queue again on a warm connection.
  const warm: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    scheduler.counts();
    scheduler.next();
    warm.push(performance.now() - s);
  }
  warm.sort((a, b) => a - b);

  const answerTimes: number[] = [];
  const answerCpu: number[] = [];
  const nextTimes: number[] = [];
  const walSize = (): number => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  let walLargest = 0;
  for (let i = 0; i < answers; i++) {
    const s0 = performance.now();
    const next = scheduler.next();
    const s1 = performance.now();
    if (!next) break;
    const c1 = process.cpuUsage();
    scheduler.answer({ cardId: next.row.id, rating: (1 + (i % 4)) as Rating, durationMs: 5000 });
    const c2 = process.cpuUsage(c1);
    const s2 = performance.now();
    nextTimes.push(s1 - s0);
    answerTimes.push(s2 - s1);
    answerCpu.push((c2.user + c2.system) / 1000);
    walLargest = Math.max(walLargest, walSize());
  }
  // What the learner's pause costs: the idle checkpoint, then a backup of the whole file.
  const k0 = performance.now();
  store.checkpoint();
  const checkpointMs = performance.now() - k0;
  const walAfter = walSize();
  const b0 = performance.now();
  const copy = await takeBackup(db, path.join(dir, 'backups'), 'manual', new Date());
  const backupMs = performance.now() - b0;
  const copyMb = fs.statSync(copy).size / 1e6;
  answerTimes.sort((a, b) => a - b);
  answerCpu.sort((a, b) => a - b);
  nextTimes.sort((a, b) => a - b);

  // The card browser: one page of 100 with the total, for the searches a learner makes.
  const searches: [string, Parameters<typeof browseCards>[1]][] = [
    ['every card, by due', {}],
    ['a common word ("goroutine"), by due', { text: 'goroutine' }],
    ['a rare word ("99999")', { text: '99999' }],
    ['a text that matches nothing', { text: 'no card says this' }],
    ['one deck, by interval, longest first', { deckId: 'deck-3', sort: 'interval', descending: true }],
    ['a tag and state review, by lapses', { tag: 'mutex', state: 'review', sort: 'lapses', descending: true }],
    ['a word in one deck, suspended only', { text: 'channel', deckId: 'deck-7', state: 'suspended' }],
    ['two word starts ("mutex lo")', { text: 'mutex lo' }],
    ['page 500 of every card (offset 49,900)', { offset: 49_900 }],
  ];
  const browseRows: [string, string, string][] = [];
  for (const [what, args] of searches) {
    const times: number[] = [];
    const cpu: number[] = [];
    let total = 0;
    for (let i = 0; i < 21; i++) {
      const s0 = performance.now();
      const c0 = process.cpuUsage();
      total = browseCards(db, args, now).total;
      const c1 = process.cpuUsage(c0);
      times.push(performance.now() - s0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    browseRows.push([
      `browse: ${what} (${total.toLocaleString('en')} match), median / worst of 21 (median CPU time)`,
      `${ms(percentile(times, 50))} / ${ms(percentile(times, 100))} (${ms(percentile(cpu, 50))})`,
      '< 50',
    ]);
  }
  const filterTimes: number[] = [];
  let tagCount = 0;
  for (let i = 0; i < 21; i++) {
    const s0 = performance.now();
    tagCount = browseFilters(db).tags.length;
    filterTimes.push(performance.now() - s0);
  }
  filterTimes.sort((a, b) => a - b);
  browseRows.push([`browse filters: every deck and tag (${tagCount} tags), median / worst of 21`, `${ms(percentile(filterTimes, 50))} / ${ms(percentile(filterTimes, 100))}`, '']);
  const busiest = db.prepare('SELECT card_id FROM review_log GROUP BY card_id ORDER BY COUNT(*) DESC LIMIT 1').get() as { card_id: number };
  const infoTimes: number[] = [];
  let infoReviews = 0;
  for (let i = 0; i < 21; i++) {
    const s0 = performance.now();
    infoReviews = cardInfo(db, busiest.card_id, now)!.reviews.length;
    infoTimes.push(performance.now() - s0);
  }
  infoTimes.sort((a, b) => a - b);
  browseRows.push([`card info of the most reviewed card (${infoReviews} reviews), median / worst of 21`, `${ms(percentile(infoTimes, 50))} / ${ms(percentile(infoTimes, 100))}`, '']);
  db.close();

  const rows: [string, string, string][] = [
    ['generate 100k cards + 1M log rows (one transaction)', `${(genMs / 1000).toFixed(1)} s (${sizeMb.toFixed(0)} MB)`, ''],
    [`cold open (open, quick_check, migrations check), median / worst of ${coldRuns}`, `${ms(percentile(openTimes, 50))} / ${ms(percentile(openTimes, 100))}`, ''],
    [`cold today's queue (counts for all decks + first card), median / worst of ${coldRuns}`, `${ms(percentile(coldQueue, 50))} / ${ms(percentile(coldQueue, 100))}`, '< 20'],
    ["warm today's queue p50 / p99", `${ms(percentile(warm, 50))} / ${ms(percentile(warm, 99))}`, '< 20'],
    [`answer p50 / p99 (${answerTimes.length} answers, one transaction each), wall clock`, `${ms(percentile(answerTimes, 50))} / ${ms(percentile(answerTimes, 99))}`, 'p99 < 2'],
    // On a shared machine the wall clock also counts time the process spent waiting for a core.
    ['answer p50 / p99, CPU time of this process', `${ms(percentile(answerCpu, 50))} / ${ms(percentile(answerCpu, 99))}`, ''],
    ['next card (with previews) p50 / p99', `${ms(percentile(nextTimes, 50))} / ${ms(percentile(nextTimes, 99))}`, ''],
    ...browseRows,
    [`largest WAL during the answers, and after the idle checkpoint`, `${(walLargest / 1e6).toFixed(1)} MB, ${(walAfter / 1e6).toFixed(1)} MB`, ''],
    ['idle checkpoint (TRUNCATE) after the answers', ms(checkpointMs), ''],
    ['backup of the whole file (SQLite backup API, online)', `${ms(backupMs)} (${copyMb.toFixed(0)} MB)`, ''],
  ];
  const [load1] = os.loadavg();
  console.log(
    `\nStore benchmark: ${cardCount.toLocaleString('en')} cards in ${deckCount} decks, ${logCount.toLocaleString('en')} review-log rows, ` +
      `${due} cards in today's queue (Node ${process.version}, ${os.cpus().length} cores, load average ${load1?.toFixed(1)} at the end)\n`,
  );
  console.log('| measurement | ms | target ms |');
  console.log('|---|---|---|');
  for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
