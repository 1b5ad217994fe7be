// Backups of progress.db: when they are taken, which are kept, and restoring one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import {
  backupName,
  backupsToKeep,
  keepDaily,
  keepEvents,
  keepWeekly,
  parseBackupName,
  type BackupReason,
} from '../../electron/store/backups.ts';
import { CardStore } from '../../electron/store/cards.ts';
import { migrate } from '../../electron/store/migrations.ts';
import { openDatabase, walLimitBytes } from '../../electron/store/open.ts';
import { cleanTemp, FakeClock, fixedMorning, tempDir, testBackend } from './helpers.ts';

afterAll(cleanTemp);

const day = 24 * 3600 * 1000;

function files(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

async function answer(b: ReturnType<typeof testBackend>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const next = await b.nextCard({});
    await b.answer({ cardId: next!.card.id, rating: 1, durationMs: 10 });
  }
}

describe('retention', () => {
  it('keeps the newest of the last 7 days, of the 4 weeks before them, and the last event backups', () => {
    const start = new Date(2026, 0, 1, 12, 0);
    const names: string[] = [];
    // 60 days with a daily backup at noon and a second one in the evening.
    for (let d = 0; d < 60; d++) {
      names.push(backupName(new Date(start.getTime() + d * day), 'daily'));
      names.push(backupName(new Date(start.getTime() + d * day + 6 * 3600e3), 'daily'));
    }
    const events: [number, BackupReason][] = [[20, 'before-import'], [40, 'before-migration'], [45, 'before-restore'], [50, 'manual']];
    for (const [d, reason] of events) names.push(backupName(new Date(start.getTime() + d * day + 3600e3), reason));
    const keep = backupsToKeep(names);

    const kept = [...keep].map((n) => parseBackupName(n)!);
    const daysKept = new Set(kept.map((k) => k.at.toDateString()));
    // The last 7 days: their evening copy only.
    for (let d = 53; d < 60; d++) {
      expect(keep.has(backupName(new Date(start.getTime() + d * day + 6 * 3600e3), 'daily'))).toBe(true);
      expect(keep.has(backupName(new Date(start.getTime() + d * day), 'daily'))).toBe(false);
    }
    // Then one per week for 4 weeks, then nothing older (but the event copies).
    const older = kept.filter((k) => k.at.getTime() < start.getTime() + 53 * day && k.reason === 'daily');
    expect(older).toHaveLength(keepWeekly);
    const weekGaps = older.map((k) => k.at.getTime()).sort((a, b) => b - a);
    for (let i = 1; i < weekGaps.length; i++) expect(weekGaps[i - 1]! - weekGaps[i]!).toBeGreaterThanOrEqual(6 * day);
    expect(weekGaps.at(-1)!).toBeGreaterThan(start.getTime() + 53 * day - 5 * 7 * day);
    // The three most recent event backups survive whatever their day; the oldest does not.
    for (const [d, reason] of events.slice(-keepEvents)) {
      expect(keep.has(backupName(new Date(start.getTime() + d * day + 3600e3), reason))).toBe(true);
    }
    expect(keep.has(backupName(new Date(start.getTime() + 20 * day + 3600e3), 'before-import'))).toBe(false);
    expect(daysKept.size).toBeLessThanOrEqual(keepDaily + keepWeekly + keepEvents);
    expect(backupsToKeep(['not-a-backup.db', 'progress-x-daily.db']).size).toBe(0);
  });
});

describe('automatic backups', () => {
  it('one a day, on a day the app opens a database holding progress, pruned as days pass', async () => {
    const dir = tempDir();
    const clock = new FakeClock(fixedMorning());
    let b = testBackend(dir, undefined, clock);
    await b.backupsSettled();
    // A new, empty database has nothing worth a copy.
    expect(files(b.backupsDir)).toEqual([]);
    await answer(b, 2);
    b.close();
    for (let d = 1; d <= 12; d++) {
      clock.advance(day);
      b = testBackend(dir, undefined, clock);
      await b.backupsSettled();
      await answer(b, 1);
      b.close();
      // Opening again the same day takes no second copy.
      b = testBackend(dir, undefined, clock);
      await b.backupsSettled();
      b.close();
    }
    const names = files(path.join(dir, 'backups'));
    expect(names.every((n) => parseBackupName(n)?.reason === 'daily')).toBe(true);
    const days = names.map((n) => parseBackupName(n)!.at.toDateString());
    expect(new Set(days).size).toBe(days.length);
    // 12 days of backups: the last 7 days, and the newest of each older week.
    expect(names.length).toBeGreaterThanOrEqual(keepDaily + 1);
    expect(names.length).toBeLessThanOrEqual(keepDaily + 2);
    const newest = names.at(-1)!;
    expect(parseBackupName(newest)!.at.toDateString()).toBe(clock.now().toDateString());
  });

  it('before a migration: a copy of the old schema, taken before it changes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.db');
    const old = new Database(file);
    migrate(old, 2);
    old.prepare("INSERT INTO settings (key, value) VALUES ('newPerDay', '7')").run();
    old.close();
    const b = testBackend(dir);
    b.close();
    const copies = files(path.join(dir, 'backups')).filter((n) => parseBackupName(n)?.reason === 'before-migration');
    expect(copies).toHaveLength(1);
    const copy = new Database(path.join(dir, 'backups', copies[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'newPerDay'").get()).toEqual({ value: '7' });
    copy.close();
  });
});

describe('listing and restoring', () => {
  it('lists date, size and counts; restore puts a backup back after backing up the present', async () => {
    const dir = tempDir();
    const clock = new FakeClock(fixedMorning());
    const b = testBackend(dir, undefined, clock);
    await answer(b, 3);
    clock.advance(60_000);
    const taken = await b.backupNow({});
    expect(taken).toMatchObject({ reason: 'manual', reviews: 3, problem: null });
    expect(taken.cards).toBeGreaterThan(0);
    expect(taken.sizeBytes).toBe(fs.statSync(path.join(b.backupsDir, taken.name)).size);
    clock.advance(60_000);
    await answer(b, 2);
    expect((await b.today({})).reviewedToday).toBe(5);

    const listed = await b.listBackups({});
    expect(listed.dir).toBe(path.join(dir, 'backups'));
    expect(listed.backups.map((x) => x.name)).toContain(taken.name);

    clock.advance(60_000);
    const status = await b.restoreBackup({ name: taken.name });
    expect(status.dbProblem).toBeNull();
    expect(status.restored?.from).toBe(taken.name);
    expect((await b.today({})).reviewedToday).toBe(3);
    const previous = (await b.listBackups({})).backups.find((x) => x.name === status.restored?.previous);
    expect(previous).toMatchObject({ reason: 'before-restore', reviews: 5 });

    // And back again: the restore itself can be undone.
    clock.advance(60_000);
    await b.restoreBackup({ name: previous!.name });
    expect((await b.today({})).reviewedToday).toBe(5);
    b.close();
  });

  it('refuses a damaged backup, and names that are not a listed backup, leaving progress alone', async () => {
    const dir = tempDir();
    const b = testBackend(dir);
    await answer(b, 2);
    const taken = await b.backupNow({});
    const file = path.join(b.backupsDir, taken.name);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(fs.fstatSync(fd).size - 4096, 0x5a), 0, fs.fstatSync(fd).size - 4096, 4096);
    fs.closeSync(fd);
    const listedBad = (await b.listBackups({})).backups.find((x) => x.name === taken.name);
    expect(listedBad).toBeDefined();

    const out = await dispatch(b, 'restoreBackup', { name: taken.name });
    expect(out.status).toBe(409);
    expect(JSON.stringify(out.body)).toMatch(/cannot be restored: it (fails its integrity check|cannot be opened \(database disk image is malformed\))/);
    for (const name of ['../progress.db', 'progress.db', path.join(b.backupsDir, taken.name)]) {
      expect((await dispatch(b, 'restoreBackup', { name })).status).toBe(404);
    }
    expect((await b.today({})).reviewedToday).toBe(2);
    b.close();
  });
});

describe('restoring over a damaged database', () => {
  it('moves the damaged file aside (never deletes it) and opens the backup', async () => {
    const dir = tempDir();
    let b = testBackend(dir);
    await answer(b, 2);
    const taken = await b.backupNow({});
    b.close();
    const file = path.join(dir, 'progress.db');
    const db = new Database(file);
    db.exec('DROP TABLE review_log');
    db.close();
    const damaged = fs.readFileSync(file);

    b = testBackend(dir);
    expect((await b.status({})).dbFault?.actions).toContain('restoreBackup');
    expect((await b.listBackups({})).backups.map((x) => x.name)).toEqual([taken.name]);
    const status = await b.restoreBackup({ name: taken.name });
    expect(status.dbProblem).toBeNull();
    expect(status.restored).toEqual({ from: taken.name, previous: null });
    expect(fs.readFileSync(status.brokenCopy!).equals(damaged)).toBe(true);
    expect((await b.today({})).reviewedToday).toBe(2);
    b.close();
  });

  it('is not offered for a healthy file this app must not write', async () => {
    const dir = tempDir();
    let b = testBackend(dir);
    await answer(b, 1);
    const taken = await b.backupNow({});
    b.close();
    const db = new Database(path.join(dir, 'progress.db'));
    db.pragma('user_version = 99');
    db.close();
    b = testBackend(dir);
    const out = await dispatch(b, 'restoreBackup', { name: taken.name });
    expect(out.status).toBe(503);
    b.close();
  });
});

describe('the WAL', () => {
  it('stays near its size limit while writing, and is emptied by the idle checkpoint', () => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.db');
    const opened = openDatabase(file);
    if (!opened.ok) throw new Error(opened.problem);
    const store = new CardStore(opened.db);
    const db = opened.db;
    db.prepare("INSERT INTO decks (id, name, file) VALUES ('d', 'D', 'd.yaml')").run();
    db.prepare("INSERT INTO cards (id, key, deck_id, ord, kind, content, due) VALUES (1, 'd/1', 'd', 0, 'exercise', '{}', 0)").run();
    const code = 'x'.repeat(200_000);
    let largest = 0;
    // 40 MB written through the WAL, one draft at a time, with no pause for the idle checkpoint.
    for (let i = 0; i < 200; i++) {
      store.saveDraft(1, code + i, i);
      largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
    }
    expect(largest).toBeLessThan(2 * walLimitBytes);
    expect(store.checkpoint()).toBe(true);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    store.close();
  });
});
