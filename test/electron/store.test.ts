import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { currentVersion, migrate, migrations } from '../../electron/store/migrations.ts';
import { openDatabase } from '../../electron/store/open.ts';
import { cleanTemp, tempDir, testBackend } from './helpers.ts';

afterAll(cleanTemp);

/** Rows a database of schema version k can hold, written the way that version would have. */
function fillVersion(db: Database.Database, k: number): void {
  if (k < 1) return;
  db.prepare("INSERT INTO decks (id, name, description, file, position) VALUES ('old', 'Old deck', '', 'old.yaml', 0)").run();
  db.prepare(
    `INSERT INTO cards (id, key, deck_id, ord, kind, content, due, stability, difficulty, scheduled_days, reps, state, last_review)
     VALUES (7, 'old/chan', 'old', 0, 'term', ?, 1700000000000, 12.5, 4.2, 9, 3, 2, 1699000000000)`,
  ).run(JSON.stringify({ id: 'chan', kind: 'term', term: 'Channel', definition: 'A typed pipe.' }));
  db.prepare(
    `INSERT INTO review_log (card_id, rating, state, card_before, reviewed_at, duration_ms) VALUES (7, 3, 2, '{}', 1699000000000, 4000)`,
  ).run();
  if (k >= 2) {
    db.prepare("UPDATE review_log SET typed = 'hello', correct = 1").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('newPerDay', '7')").run();
  }
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('migrations', () => {
  it('5 repairs a word index that lost cards to an update keeping their words, and updates keep them after', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.exec(`INSERT INTO decks (id, name, file) VALUES ('d', 'D', 'd.yaml');
      INSERT INTO cards (id, key, deck_id, ord, kind, content, due, search) VALUES (1, 'd/a', 'd', 0, 'question', '{}', 0, 'hello world'), (2, 'd/b', 'd', 1, 'question', '{}', 0, 'gone away');
      UPDATE cards SET retired = 1 WHERE id = 2;
      UPDATE cards SET search = 'hello world' WHERE id = 1;`);
    const found = (words: string) => db.prepare<[string], { rowid: number }>('SELECT rowid FROM cards_fts WHERE cards_fts MATCH ?').all(words).map((r) => r.rowid);
    // What version 4's triggers did: the card kept its words and lost its place in the index.
    expect(found('hello')).toEqual([]);
    migrate(db);
    expect(found('hello')).toEqual([1]);
    expect(found('gone')).toEqual([]);
    db.exec("UPDATE cards SET search = 'hello there' WHERE id = 1");
    expect([found('hello'), found('there'), found('world')]).toEqual([[1], [1], []]);
    db.close();
  });

  it('are numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(currentVersion).toBeGreaterThanOrEqual(2);
  });

  for (let k = 0; k < currentVersion; k++) {
    it(`bring a version-${k} database with data up to date without losing it`, () => {
      const dir = tempDir();
      const file = path.join(dir, 'progress.db');
      const old = new Database(file);
      migrate(old, k);
      expect(old.pragma('user_version', { simple: true })).toBe(k);
      fillVersion(old, k);
      old.close();

      const opened = openDatabase(file);
      if (!opened.ok) throw new Error(opened.problem);
      const db = opened.db;
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(currentVersion);
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
        if (k >= 1) {
          const card = db.prepare('SELECT * FROM cards WHERE id = 7').get() as Record<string, unknown>;
          expect(card).toMatchObject({ key: 'old/chan', stability: 12.5, difficulty: 4.2, scheduled_days: 9, reps: 3, state: 2 });
          const log = db.prepare('SELECT * FROM review_log').all() as Record<string, unknown>[];
          expect(log).toHaveLength(1);
          expect(log[0]).toMatchObject({ card_id: 7, rating: 3, duration_ms: 4000, typed: k >= 2 ? 'hello' : null });
          // Cards stored before the browser existed (version 4) are searchable too.
          if (k < 4) expect(db.prepare('SELECT search FROM cards WHERE id = 7').get()).toEqual({ search: 'old/chan\nchannel\na typed pipe.' });
        }
        // The newest tables and columns are there whatever the starting version.
        db.prepare("INSERT INTO settings (key, value) VALUES ('dayStartHour', '5') ON CONFLICT DO NOTHING").run();
        expect(db.prepare('SELECT typed, correct FROM review_log LIMIT 0').columns().map((c) => c.name)).toEqual(['typed', 'correct']);
        expect(db.prepare('SELECT search, tags FROM cards LIMIT 0').columns().map((c) => c.name)).toEqual(['search', 'tags']);
        expect(db.prepare('SELECT COUNT(*) AS n FROM undo_steps').get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    });
  }

  it('refuses a database from a newer app without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.db');
    const db = new Database(file);
    migrate(db);
    db.pragma(`user_version = ${currentVersion + 1}`);
    db.close();
    const before = sha(file);
    const opened = openDatabase(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problem).toContain('newer version');
    expect(sha(file)).toBe(before);
  });
});

describe('a corrupted database', () => {
  async function realDatabase(): Promise<{ dir: string; file: string }> {
    const dir = tempDir();
    const b = testBackend(dir);
    const next = await b.nextCard({});
    await b.answer({ cardId: next!.card.id, rating: 3, durationMs: 100 });
    b.close();
    return { dir, file: path.join(dir, 'progress.db') };
  }

  for (const where of ['header', 'pages'] as const) {
    it(`with garbage in its ${where} is reported, kept byte for byte, and set aside only by startFresh`, async () => {
      const { dir, file } = await realDatabase();
      const fd = fs.openSync(file, 'r+');
      const size = fs.fstatSync(fd).size;
      expect(size).toBeGreaterThan(4096);
      // Garbage over the header makes it unreadable; over the later pages it fails quick_check.
      const garbage = Buffer.alloc(where === 'header' ? 100 : size - 4096, 0xa5);
      fs.writeSync(fd, garbage, 0, garbage.length, where === 'header' ? 0 : 4096);
      fs.closeSync(fd);
      const broken = sha(file);

      const b = testBackend(dir);
      const status = await b.status({});
      expect(status.dbProblem).toContain(file);
      expect(sha(file)).toBe(broken);

      const refused = await dispatch(b, 'today', {});
      expect(refused.status).toBe(503);
      expect(JSON.stringify(refused.body)).toContain('Start fresh');
      expect(sha(file)).toBe(broken);

      const fresh = await b.startFresh({});
      expect(fresh.dbProblem).toBeNull();
      expect(fresh.brokenCopy).toMatch(/progress\.db\.broken-\d{4}-\d\d-\d\dT/);
      expect(path.dirname(fresh.brokenCopy!)).toBe(dir);
      expect(sha(fresh.brokenCopy!)).toBe(broken);
      const today = await b.today({});
      expect(today.reviewedToday).toBe(0);
      expect(today.decks[0]?.newCount).toBe(5);
      b.close();
    });
  }

  it('a data folder that cannot be created is a problem to report, not a crash', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const b = testBackend(path.join(blocker, 'data'));
    expect((await b.status({})).dbProblem).toContain('cannot be created');
    expect((await dispatch(b, 'today', {})).status).toBe(503);
    b.close();
  });

  it('startFresh refuses when the database is healthy', async () => {
    const { dir } = await realDatabase();
    const b = testBackend(dir);
    const out = await dispatch(b, 'startFresh', {});
    expect(out.status).toBe(409);
    expect((await b.today({})).reviewedToday).toBe(1);
    b.close();
  });
});

describe('answers', () => {
  it('write one log row and update the card together; undo walks back exactly', async () => {
    const dir = tempDir();
    const b = testBackend(dir);
    const db = new Database(path.join(dir, 'progress.db'), { readonly: true });
    const cardRow = (id: number) => db.prepare('SELECT * FROM cards WHERE id = ?').get(id);
    const first = (await b.nextCard({}))!.card;
    const pristine = cardRow(first.id);
    await b.answer({ cardId: first.id, rating: 3, durationMs: 900, typed: 'x', correct: false });
    const afterOne = cardRow(first.id);
    await b.answer({ cardId: first.id, rating: 3, durationMs: 800 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual({ n: 2 });
    const log = db.prepare('SELECT * FROM review_log ORDER BY id').all() as Record<string, unknown>[];
    expect(log[0]).toMatchObject({ rating: 3, state: 0, duration_ms: 900, typed: 'x', correct: 0 });
    expect(log[1]).toMatchObject({ state: 1, typed: null, correct: null });

    expect(await b.undo({})).toMatchObject({ cardId: first.id, action: 'answer' });
    expect(cardRow(first.id)).toEqual(afterOne);
    expect(await b.undo({})).toMatchObject({ cardId: first.id, action: 'answer' });
    expect(cardRow(first.id)).toEqual(pristine);
    expect(await b.undo({})).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual({ n: 0 });
    db.close();
    b.close();
  });
});
