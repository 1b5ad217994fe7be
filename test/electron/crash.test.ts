// Kill the app at random moments while it answers and undoes, many times over one database,
// and check after each kill that nothing is damaged and nothing acknowledged was lost: SQLite's
// integrity check passes, the review log holds exactly the acknowledged answers (give or take
// the one call in flight), and every card's state is what replaying its review log gives.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../gosim/runtime/random.ts';
import { nextStates } from '../../electron/scheduler/intervals.ts';
import { learningSteps, relearningSteps } from '../../electron/scheduler/scheduler.ts';
import type { CardRow, CardSnapshot, FsrsColumns, LogRow } from '../../electron/store/cards.ts';
import { defaultSettings } from '../../electron/store/settings.ts';
import { cleanTemp, fixedMorning, fixtureDecks, tempDir } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const kills = Number(process.env.CRASH_KILLS ?? 20);
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
let childScript = '';

beforeAll(async () => {
  // One bundle, started by plain node, so each of the many starts costs milliseconds, not a
  // TypeScript loader's second. better-sqlite3 stays outside and is found through NODE_PATH.
  childScript = path.join(tempDir('trainer-crash-bundle-'), 'child.cjs');
  await build({
    entryPoints: [path.join(root, 'test', 'electron', 'crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
});
afterAll(cleanTemp);

const snapshotKeys = ['due', 'stability', 'difficulty', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'] as const;

function fsrsOf(c: FsrsColumns): Record<string, unknown> {
  return Object.fromEntries(snapshotKeys.map((k) => [k, c[k]]));
}

/** Runs the child until it is killed `delayMs` after it is ready; returns the lines it acknowledged. */
function runAndKill(dataDir: string, start: number, childSeed: number, delayMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, fixtureDecks, String(start), String(childSeed)], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
      else lines.push(line);
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (${signal ?? _code}): ${stderr}`));
      else resolve({ lines, stderr });
    });
  });
}

/** What the acknowledged lines say the review log must hold, starting from `ids`. */
function applyAcks(ids: Set<number>, lines: string[]): void {
  for (const line of lines) {
    const [op, id] = line.split(' ');
    if (op === 'A') ids.add(Number(id));
    else if (op === 'U') ids.delete(Number(id));
  }
}

/** Every way the database can be wrong after a kill, as readable sentences (empty when fine). */
function check(file: string, acked: Set<number>): string[] {
  const wrong: string[] = [];
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') wrong.push(`integrity_check: ${String(integrity)}`);
    const logIds = new Set(db.prepare<[], { id: number }>('SELECT id FROM review_log').all().map((r) => r.id));
    const extra = [...logIds].filter((id) => !acked.has(id));
    const lost = [...acked].filter((id) => !logIds.has(id));
    // The one call in flight may have committed (one more answer, or one fewer after an undo).
    const maxAcked = Math.max(0, ...acked);
    const inFlightOk =
      (extra.length === 0 && lost.length === 0) ||
      (extra.length === 1 && lost.length === 0) ||
      (extra.length === 0 && lost.length === 1 && lost[0] === maxAcked);
    if (!inFlightOk) wrong.push(`review log ids differ from the acknowledged ones: lost ${lost.join(',')}, extra ${extra.join(',')}`);
    for (const id of logIds) acked.add(id);
    for (const id of lost) acked.delete(id);

    const rules = { ...defaultSettings, learningSteps, relearningSteps, fuzz: true };
    const logs = db.prepare<[number], LogRow>('SELECT * FROM review_log WHERE card_id = ? ORDER BY id');
    for (const card of db.prepare<[], CardRow>('SELECT * FROM cards').all()) {
      let state: Record<string, unknown> | null = null;
      for (const log of logs.all(card.id)) {
        const before = JSON.parse(log.card_before) as CardSnapshot;
        if (state === null && (before.state !== 0 || before.reps !== 0)) wrong.push(`card ${card.id}: first log ${log.id} does not start from a new card`);
        if (state !== null && JSON.stringify(fsrsOf(before)) !== JSON.stringify(state)) {
          wrong.push(`card ${card.id}: log ${log.id} starts from ${JSON.stringify(fsrsOf(before))}, replay gives ${JSON.stringify(state)}`);
        }
        state = fsrsOf(nextStates({ id: card.id, ...before }, log.reviewed_at, rules)[log.rating as 1 | 2 | 3 | 4].card);
      }
      const now = fsrsOf(card);
      if (state === null) {
        if (card.state !== 0 || card.reps !== 0) wrong.push(`card ${card.id} has no review log but state ${card.state}, reps ${card.reps}`);
      } else if (JSON.stringify(now) !== JSON.stringify(state)) {
        wrong.push(`card ${card.id}: stored ${JSON.stringify(now)}, replay gives ${JSON.stringify(state)}`);
      }
    }
  } finally {
    db.close();
  }
  return wrong;
}

describe('killed at random moments while answering and undoing', () => {
  it(`${kills} SIGKILLs lose nothing acknowledged and damage nothing (seed ${seed}; CRASH_SEED reruns it)`, async () => {
    const rand = seededRandom(seed);
    const dataDir = tempDir('trainer-crash-');
    const file = path.join(dataDir, 'progress.db');
    const acked = new Set<number>();
    let start = fixedMorning().getTime();
    let answers = 0;
    for (let i = 0; i < kills; i++) {
      // Mostly within the first milliseconds of answering, sometimes after many answers.
      const delay = rand() < 0.5 ? Math.floor(rand() * 12) : Math.floor(rand() * 80);
      const run = await runAndKill(dataDir, start, Math.floor(rand() * 2 ** 31), delay);
      applyAcks(acked, run.lines);
      answers += run.lines.filter((l) => l.startsWith('A')).length;
      const wrong = check(file, acked);
      expect(wrong, `after kill ${i + 1} (delay ${delay} ms, seed ${seed}): ${run.stderr}`).toEqual([]);
      // The next run's clock starts after everything already answered.
      const db = new Database(file, { readonly: true });
      const last = (db.prepare('SELECT MAX(reviewed_at) AS t FROM review_log').get() as { t: number | null }).t;
      db.close();
      start = Math.max(start, last ?? 0) + 60_000;
    }
    // The kills must have landed among real work, or the test proves nothing.
    expect(answers).toBeGreaterThan(kills);

    // And the check itself sees a card that disagrees with its log, and a lost answer.
    const db = new Database(file);
    const reviewed = db.prepare('SELECT card_id FROM review_log ORDER BY id DESC LIMIT 1').get() as { card_id: number };
    db.prepare('UPDATE cards SET stability = stability + 1 WHERE id = ?').run(reviewed.card_id);
    const lostId = (db.prepare('SELECT MIN(id) AS id FROM review_log').get() as { id: number }).id;
    db.prepare('DELETE FROM review_log WHERE id = ?').run(lostId);
    db.close();
    const found = check(file, new Set(acked));
    expect(found.some((w) => w.startsWith(`card ${reviewed.card_id}: stored`))).toBe(true);
    expect(found.some((w) => w.includes(`lost ${lostId},`))).toBe(true);
  }, 120_000);
});
