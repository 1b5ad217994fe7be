import fs from 'node:fs';
import Database from 'better-sqlite3';
import { Backend, type BackendOptions } from '../../electron/backend.ts';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const fixtureDecks = path.join(fixtures, 'decks');

const made: string[] = [];

export function tempDir(prefix = 'trainer-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanTemp(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public t: Date) {}
  now = (): Date => new Date(this.t.getTime());
  set(d: Date): void {
    this.t = d;
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** 10:00 local time on an ordinary day in June: hours away from the study day's 04:00 rollover, so a test that starts here never crosses into the next study day. */
export const fixedMorning = (): Date => new Date(2026, 5, 1, 10, 0);

/**
 * A backend on `dataDir` whose clock is the test's (standing at `fixedMorning` unless one is
 * given), so what the test sees does not depend on the hour it runs at.
 */
export function testBackend(dataDir: string, decksDir = fixtureDecks, clock = new FakeClock(fixedMorning()), more: Partial<BackendOptions> = {}): Backend {
  return new Backend({ dataDir, decksDir, host: 'web', version: 't', now: clock.now, ...more });
}

/** A data folder with a bundled decks folder and the learner's own, both empty. */
export function deckFolders(): { dataDir: string; bundled: string; own: string } {
  const dataDir = tempDir();
  const bundled = path.join(dataDir, 'bundled');
  const own = path.join(dataDir, 'decks');
  fs.mkdirSync(bundled);
  fs.mkdirSync(own);
  return { dataDir, bundled, own };
}

/**
 * A deck file whose YAML aliases nest ten deep, ten to a level: a few hundred bytes that would
 * expand to ten million cards (a "billion laughs").
 */
export function aliasBomb(id: string): string {
  const levels = 'abcdefg'.split('');
  const lines = levels.slice(1).map((l, i) => `  - &${l} [${Array(10).fill(`*${levels[i]}`).join(', ')}]`);
  return `format: 1\nid: ${id}\nname: Bomb\ncards:\n  - &a { id: x, kind: term, term: "x", definition: "x" }\n${lines.join('\n')}\n  - [${Array(10).fill('*g').join(', ')}]\n`;
}

/** A deck file of `n` term cards, c0 .. c(n-1), for tests that only need cards to schedule. */
export function termDeck(n: number, id = 'drill'): string {
  const cards = Array.from({ length: n }, (_, i) => `  - id: c${i}\n    kind: term\n    term: Term ${i}\n    definition: Meaning ${i}\n`);
  return `format: 1\nid: ${id}\nname: Drill ${id}\ncards:\n${cards.join('')}`;
}

/** A backend on a fresh data folder with one deck of `cards` term cards, its clock at `start`, and the database open beside it. */
export function studyWithTermDeck(cards: number, start: Date): { backend: Backend; clock: FakeClock; db: Database.Database } {
  const dataDir = tempDir();
  const decksDir = path.join(dataDir, 'bundled');
  fs.mkdirSync(decksDir);
  fs.writeFileSync(path.join(decksDir, 'drill.yaml'), termDeck(cards));
  const clock = new FakeClock(start);
  const backend = testBackend(dataDir, decksDir, clock);
  const db = new Database(path.join(dataDir, 'progress.db'));
  return { backend, clock, db };
}
