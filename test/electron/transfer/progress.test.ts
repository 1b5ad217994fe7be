import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend.ts';
import { cleanTemp, FakeClock, fixedMorning, fixtureDecks, tempDir, termDeck, testBackend } from '../helpers.ts';
import { freshBackend, preview, rows } from './importing.ts';

afterAll(cleanTemp);

const hour = 3_600_000;

/** A profile with a week of study: answers over several days, a suspension, a draft, a setting. */
async function studiedProfile() {
  const dataDir = tempDir('trainer-progress-');
  const decksDir = path.join(dataDir, 'bundled');
  fs.mkdirSync(decksDir);
  fs.copyFileSync(path.join(fixtureDecks, 'basics.yaml'), path.join(decksDir, 'basics.yaml'));
  fs.writeFileSync(path.join(decksDir, 'drill.yaml'), termDeck(30));
  const clock = new FakeClock(fixedMorning());
  const backend = testBackend(dataDir, decksDir, clock);
  await backend.updateSettings({ desiredRetention: 0.85, newPerDay: 12 });
  for (let day = 0; day < 6; day++) {
    for (let i = 0; i < 15; i++) {
      const item = await backend.nextCard({ deckId: 'drill' });
      if (!item) break;
      await backend.answer({ cardId: item.card.id, rating: ((i * 7 + day) % 4 + 1) as 1, durationMs: 1000 + i });
      clock.advance(60_000);
    }
    clock.advance(24 * hour);
  }
  const exercise = rows<{ id: number }>(path.join(dataDir, 'progress.db'), "SELECT id FROM cards WHERE kind = 'exercise'")[0]!.id;
  await backend.saveDraft({ cardId: exercise, code: 'package main\n\nfunc main() {}\n' });
  const some = await backend.nextCard({ deckId: 'drill' });
  await backend.suspend({ cardId: some!.card.id });
  return { backend, dataDir, decksDir, clock, dbPath: path.join(dataDir, 'progress.db') };
}

async function queue(b: Backend, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = await b.nextCard({});
    if (!item) break;
    out.push(item.card.key);
    await b.bury({ cardId: item.card.id });
  }
  return out;
}

describe('the progress file', () => {
  it('restores exactly into an empty profile: every card, the whole log, drafts, settings and the same queue', async () => {
    const a = await studiedProfile();
    const file = await a.backend.transfer.exportFile('progress');
    expect(file.name).toMatch(/^go-concurrency-progress-\d{4}-\d\d-\d\d\.gctprogress$/);

    const b = testBackend(tempDir('trainer-restore-'), a.decksDir, new FakeClock(a.clock.now()));
    const bPath = path.join(b.statusNow().dataDir, 'progress.db');
    const p = await preview(b, file.name, file.bytes);
    expect(p.problems).toEqual([]);
    expect(p.mode).toBe('restore');
    await b.importCommit({ importId: p.importId });

    const all = (db: string) => ({
      cards: rows(db, 'SELECT * FROM cards ORDER BY id'),
      log: rows(db, 'SELECT card_id, rating, state, card_before, reviewed_at, duration_ms, typed, correct FROM review_log ORDER BY reviewed_at, id'),
      drafts: rows(db, 'SELECT * FROM drafts'),
      decks: rows(db, 'SELECT id, name, description FROM decks ORDER BY id'),
    });
    const before = all(a.dbPath);
    expect(before.log.length).toBeGreaterThan(50);
    expect(all(bPath)).toEqual(before);
    expect(await b.getSettings({})).toEqual(await a.backend.getSettings({}));
    expect(await b.today({})).toEqual(await a.backend.today({}));
    expect(await queue(b, 20)).toEqual(await queue(a.backend, 20));
    // The browser's word index holds the restored cards as it held them there.
    const found = async (x: Backend) => (await x.browseCards({ text: 'term 1' })).cards.map((c) => c.key).sort();
    expect((await found(b)).length).toBeGreaterThan(5);
    expect(await found(b)).toEqual(await found(a.backend));
    a.backend.close();
    b.close();
  });

  it("keeps the learner's own decks from another machine, whose files are not here", async () => {
    const a = await studiedProfile();
    fs.mkdirSync(path.join(a.dataDir, 'decks'));
    fs.writeFileSync(path.join(a.dataDir, 'decks', 'mine.yaml'), termDeck(4, 'mine'));
    await a.backend.reloadDecks({});
    const file = await a.backend.transfer.exportFile('progress');
    const b = testBackend(tempDir('trainer-restore-'), a.decksDir, new FakeClock(a.clock.now()));
    const p = await preview(b, file.name, file.bytes);
    await b.importCommit({ importId: p.importId });
    await b.reloadDecks({});
    expect((await b.listDecks({})).find((d) => d.id === 'mine')).toMatchObject({ cardCount: 4, retiredCount: 0 });
    a.backend.close();
    b.close();
  });

  it('merges by card key into a profile with its own history, losing no review on either side', async () => {
    const a = await studiedProfile();
    const file = await a.backend.transfer.exportFile('progress');
    const aLog = rows<{ key: string; reviewed_at: number }>(a.dbPath, 'SELECT c.key, r.reviewed_at FROM review_log r JOIN cards c ON c.id = r.card_id');

    const { backend: b, dbPath: bPath, clock } = freshBackend(new FakeClock(new Date(a.clock.now().getTime() + 2 * hour)));
    // B studies on its own first (the fixture deck, which A has too).
    for (let i = 0; i < 3; i++) {
      const item = await b.nextCard({ deckId: 'basics' });
      await b.answer({ cardId: item!.card.id, rating: 3, durationMs: 500 });
      clock.advance(60_000);
    }
    const bLog = rows<{ key: string; reviewed_at: number }>(bPath, 'SELECT c.key, r.reviewed_at FROM review_log r JOIN cards c ON c.id = r.card_id');
    const p = await preview(b, file.name, file.bytes);
    expect(p.mode).toBe('merge');
    expect(p.reviews).toBe(aLog.length);
    await b.importCommit({ importId: p.importId });
    const merged = rows<{ key: string; reviewed_at: number }>(bPath, 'SELECT c.key, r.reviewed_at FROM review_log r JOIN cards c ON c.id = r.card_id');
    const set = (l: { key: string; reviewed_at: number }[]) => l.map((r) => `${r.key}@${r.reviewed_at}`).sort();
    expect(set(merged)).toEqual(set([...aLog, ...bLog]));
    // Importing the same file again adds nothing.
    const again = await preview(b, file.name, file.bytes);
    expect(again.reviews).toBe(0);
    a.backend.close();
    b.close();
  });

  it('exports the review log as the CSV the FSRS optimizer reads, and a deck back to a deck file', async () => {
    const a = await studiedProfile();
    const csv = Buffer.from((await a.backend.transfer.exportFile('reviewsCsv')).bytes).toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    const log = rows<{ n: number }>(a.dbPath, 'SELECT COUNT(*) AS n FROM review_log')[0]!.n;
    expect(csv).toHaveLength(log + 1);
    expect(csv[1]).toMatch(/^\d+,\d{13},[1-4],[0-3],\d+$/);

    const deck = await a.backend.transfer.exportFile('deck', 'drill');
    expect(Buffer.from(deck.bytes).toString('utf8')).toBe(termDeck(30).replace(/\n  - id/g, '\n  - id'));
    a.backend.close();
  });

  it('copies the whole database while the app runs, consistent and openable', async () => {
    const a = await studiedProfile();
    const copy = await a.backend.transfer.exportFile('database');
    const file = path.join(tempDir(), 'copy.db');
    fs.writeFileSync(file, copy.bytes);
    expect(rows(file, 'SELECT * FROM review_log ORDER BY id')).toEqual(rows(a.dbPath, 'SELECT * FROM review_log ORDER BY id'));
    expect(rows(file, 'PRAGMA quick_check')).toEqual([{ quick_check: 'ok' }]);
    a.backend.close();
  });
});

describe('progress file versions', () => {
  /** The same export rewritten: `edit` gets its entries (parsed where JSON) and may change them. */
  function rewrite(bytes: Uint8Array, edit: (e: { manifest: Record<string, unknown>; cards: { id: number; key: string }[]; lines: unknown[][] }) => void): Uint8Array {
    const files = unzipSync(bytes);
    const e = {
      manifest: JSON.parse(strFromU8(files['manifest.json']!)),
      cards: JSON.parse(strFromU8(files['cards.json']!)),
      lines: strFromU8(files['review_log.ndjson']!).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown[]),
    };
    edit(e);
    files['manifest.json'] = strToU8(JSON.stringify(e.manifest));
    files['review_log.ndjson'] = strToU8(e.lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    return zipSync(files);
  }

  it('writes version 2, whose review lines name cards by id, and still reads version 1, which named them by key', async () => {
    const a = await studiedProfile();
    const file = await a.backend.transfer.exportFile('progress');
    const v2 = strFromU8(unzipSync(file.bytes)['review_log.ndjson']!).split('\n')[0]!;
    expect(JSON.parse(strFromU8(unzipSync(file.bytes)['manifest.json']!)).version).toBe(2);
    expect(typeof JSON.parse(v2)[0]).toBe('number');
    const v1 = rewrite(file.bytes, (e) => {
      const keyOf = new Map(e.cards.map((c) => [c.id, c.key]));
      e.manifest.version = 1;
      for (const l of e.lines) l[0] = keyOf.get(l[0] as number);
    });
    const restored: unknown[] = [];
    for (const bytes of [file.bytes, v1]) {
      const b = testBackend(tempDir('trainer-restore-'), a.decksDir, new FakeClock(a.clock.now()));
      const p = await preview(b, 'old.gctprogress', bytes);
      expect(p.problems).toEqual([]);
      await b.importCommit({ importId: p.importId });
      const db = path.join(b.statusNow().dataDir, 'progress.db');
      restored.push({ cards: rows(db, 'SELECT * FROM cards ORDER BY id'), log: rows(db, 'SELECT * FROM review_log ORDER BY id') });
      b.close();
    }
    expect((restored[0] as { log: unknown[] }).log.length).toBeGreaterThan(50);
    expect(restored[1]).toEqual(restored[0]);
    a.backend.close();
  });

  it('names the line of a review whose card id cards.json does not hold', async () => {
    const a = await studiedProfile();
    const bad = rewrite((await a.backend.transfer.exportFile('progress')).bytes, (e) => {
      e.lines[2]![0] = 999_999;
    });
    const { backend } = freshBackend();
    const p = await preview(backend, 'bad.gctprogress', bad);
    expect(p.problems).toEqual([{ place: 'bad.gctprogress: review_log.ndjson:3', message: 'names card 999999, which cards.json does not hold' }]);
    a.backend.close();
    backend.close();
  });
});
