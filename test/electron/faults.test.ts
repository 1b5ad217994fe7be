// Database faults a learner can meet, each detected when the file is opened, reported in words
// naming the file, and answered with only the ways forward that fit it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { Backend } from '../../electron/backend.ts';
import { currentVersion } from '../../electron/store/migrations.ts';
import { cleanTemp, FakeClock, fixedMorning, fixtureDecks, tempDir, testBackend } from './helpers.ts';

afterAll(cleanTemp);

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A data folder whose progress.db holds one answer, closed cleanly (no WAL left). */
async function answeredOnce(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const b = testBackend(dir);
  const next = await b.nextCard({});
  await b.answer({ cardId: next!.card.id, rating: 3, durationMs: 100 });
  await b.backupsSettled();
  b.close();
  return { dir, file: path.join(dir, 'progress.db') };
}

function alter(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

describe('a database missing part of its schema', () => {
  for (const [what, sql, named] of [
    ['the settings table', 'DROP TABLE settings', 'table settings'],
    ['an index the queue names', 'DROP INDEX cards_queue', 'index cards_queue'],
    ['the drafts table', 'DROP TABLE drafts', 'table drafts'],
  ] as const) {
    it(`(${what}) passes quick_check but is reported as damaged at open, untouched`, async () => {
      const { dir, file } = await answeredOnce();
      alter(file, sql);
      const check = new Database(file, { readonly: true });
      expect(check.pragma('quick_check', { simple: true })).toBe('ok');
      check.close();
      const before = sha(file);

      const b = testBackend(dir);
      const status = await b.status({});
      expect(status.dbProblem).toContain(file);
      expect(status.dbProblem).toContain(named);
      expect(status.dbFault).toEqual({ kind: 'damaged', actions: ['restoreBackup', 'startFresh', 'chooseFolder', 'quit'] });
      const refused = await dispatch(b, 'today', {});
      expect(refused.status).toBe(503);
      expect(JSON.stringify(refused.body)).toContain('Start fresh');
      expect(sha(file)).toBe(before);

      const fresh = await b.startFresh({});
      expect(fresh.dbProblem).toBeNull();
      expect(sha(fresh.brokenCopy!)).toBe(before);
      expect((await b.today({})).reviewedToday).toBe(0);
      b.close();
    });
  }
});

describe('a healthy database this app must not write', () => {
  it('read-only file in a writable folder: detected at open, never started fresh over, readable on request', async () => {
    const { dir, file } = await answeredOnce();
    fs.chmodSync(file, 0o444);
    const before = sha(file);
    const b = testBackend(dir);
    const status = await b.status({});
    expect(status.dbFault).toEqual({ kind: 'readOnlyFile', actions: ['openReadOnly', 'chooseFolder', 'quit'] });
    expect(status.dbProblem).toContain('read-only');
    expect(status.dbProblem).toContain(file);

    const fresh = await dispatch(b, 'startFresh', {});
    expect(fresh.status).toBe(409);
    expect(fs.existsSync(file)).toBe(true);

    const opened = await b.openReadOnly({});
    expect(opened.dbProblem).toBeNull();
    expect(opened.readOnly).toBe(true);
    expect((await b.today({})).reviewedToday).toBe(1);
    expect((await b.listDecks({})).length).toBeGreaterThan(0);
    const next = await b.nextCard({});
    const answer = await dispatch(b, 'answer', { cardId: next!.card.id, rating: 3, durationMs: 5 });
    expect(answer.status).toBe(409);
    expect(JSON.stringify(answer.body)).toContain('read-only');
    b.close();
    expect(sha(file)).toBe(before);
  });

  it('newer schema: offered read-only, another folder or quit, and refused "Start fresh"', async () => {
    const { dir, file } = await answeredOnce();
    alter(file, `PRAGMA user_version = ${currentVersion + 1}`);
    const before = sha(file);
    let quits = 0;
    const b = new Backend({
      dataDir: dir,
      decksDir: fixtureDecks,
      host: 'web',
      version: 't',
      now: new FakeClock(fixedMorning()).now,
      onQuit: () => quits++,
    });
    const status = await b.status({});
    expect(status.dbFault).toEqual({ kind: 'newer', actions: ['openReadOnly', 'chooseFolder', 'quit'] });
    expect(status.dbProblem).toContain('newer version');
    expect((await dispatch(b, 'startFresh', {})).status).toBe(409);
    expect(sha(file)).toBe(before);

    expect((await b.openReadOnly({})).readOnly).toBe(true);
    expect((await b.today({})).reviewedToday).toBe(1);
    expect((await dispatch(b, 'updateSettings', { newPerDay: 3 })).status).toBe(409);

    expect(await b.quit({})).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 120));
    expect(quits).toBe(1);
    b.close();
    expect(sha(file)).toBe(before);
  });

  it('read-only folder: detected at open; choosing another folder carries on there', async () => {
    const { dir, file } = await answeredOnce();
    fs.chmodSync(dir, 0o555);
    try {
      const b = testBackend(dir);
      const status = await b.status({});
      expect(status.dbFault).toEqual({ kind: 'readOnlyFolder', actions: ['openReadOnly', 'chooseFolder', 'quit'] });
      expect(status.dbProblem).toContain(dir);

      // SQLite cannot open a WAL database read-only in a read-only folder (it must create the
      // shared-memory file), so reading goes through a private copy.
      const readOnly = await b.openReadOnly({});
      expect(readOnly.readOnly).toBe(true);
      expect((await b.today({})).reviewedToday).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(['progress.db']);

      expect((await dispatch(b, 'useDataDir', { dir: 'relative/place' })).status).toBe(400);
      const elsewhere = tempDir();
      const moved = await b.useDataDir({ dir: elsewhere });
      expect(moved.dbProblem).toBeNull();
      expect(moved.dbPath).toBe(path.join(elsewhere, 'progress.db'));
      expect((await b.today({})).reviewedToday).toBe(0);
      b.close();
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    expect(fs.existsSync(file)).toBe(true);
  });

  it('a healthy, writable database refuses the fault-only ways out', async () => {
    const { dir } = await answeredOnce();
    const b = testBackend(dir);
    expect((await dispatch(b, 'openReadOnly', {})).status).toBe(409);
    expect((await dispatch(b, 'useDataDir', { dir: tempDir() })).status).toBe(409);
    expect((await dispatch(b, 'quit', {})).status).toBe(409);
    b.close();
  });
});
