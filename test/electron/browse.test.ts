// The card browser's backend and the undo that covers every action: searching by text, deck,
// kind, tag and state; sorting; suspend, bury, forget per card; a card's whole history; and undo
// taking back answers, burials, suspensions and forgets in the deck where they happened.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend.ts';
import { cleanTemp, FakeClock, fixedMorning, tempDir, termDeck, testBackend } from './helpers.ts';

const alpha = `format: 1
id: alpha
name: Alpha deck
description: Channels **first**.
cards:
  - id: chan
    kind: term
    term: Unbuffered channel
    definition: A send waits for its receiver.
    tags: [channels, basics]
  - id: mutex
    kind: question
    question: What does a Mutex guard?
    answer: A critical section.
    tags: [sync]
  - id: print
    kind: predict
    code: |
      package main

      import "fmt"

      func main() { fmt.Println("Zebra") }
    output: "Zebra\\n"
    tags: [basics]
`;
const beta = `format: 1
id: beta
name: Beta deck
cards:
  - id: wg
    kind: term
    term: WaitGroup
    definition: Counts goroutines still running.
    tags: [sync]
  - id: once
    kind: term
    term: sync.Once
    definition: Runs a function exactly one time.
`;

let open: { backend: Backend; db: Database.Database }[] = [];

function setup(clock = new FakeClock(fixedMorning())) {
  const dataDir = tempDir();
  const decksDir = path.join(dataDir, 'bundled');
  fs.mkdirSync(decksDir);
  fs.writeFileSync(path.join(decksDir, 'alpha.yaml'), alpha);
  fs.writeFileSync(path.join(decksDir, 'beta.yaml'), beta);
  const backend = testBackend(dataDir, decksDir, clock);
  const db = new Database(path.join(dataDir, 'progress.db'));
  open.push({ backend, db });
  const id = (key: string) => (db.prepare('SELECT id FROM cards WHERE key = ?').get(key) as { id: number }).id;
  const row = (key: string) => db.prepare('SELECT * FROM cards WHERE key = ?').get(key) as Record<string, unknown>;
  return { backend, db, clock, id, row, decksDir };
}

afterEach(() => {
  for (const o of open.splice(0)) {
    o.db.close();
    o.backend.close();
  }
});
afterAll(cleanTemp);

const keys = (page: { cards: { key: string }[] }) => page.cards.map((c) => c.key);

describe('browsing cards', () => {
  it('finds cards by words anywhere in them, any case, including code and key', async () => {
    const { backend } = setup();
    expect(keys(await backend.browseCards({ text: 'RECEIVER' }))).toEqual(['alpha/chan']);
    expect(keys(await backend.browseCards({ text: 'zebra' }))).toEqual(['alpha/print']);
    expect(keys(await backend.browseCards({ text: 'beta/once' }))).toEqual(['beta/once']);
    expect((await backend.browseCards({ text: 'nothing like this' })).total).toBe(0);
    // Field names of the stored JSON are not card text.
    expect((await backend.browseCards({ text: 'definition' })).total).toBe(0);
    // Words are found by their start, in any order; symbols alone are looked for as they are.
    expect(keys(await backend.browseCards({ text: 'receiv unbuff' }))).toEqual(['alpha/chan']);
    expect((await backend.browseCards({ text: 'ceiver' })).total).toBe(0);
    expect(keys(await backend.browseCards({ text: '("' }))).toEqual(['alpha/print']);
  });

  it('finds a card by its new words once its deck file changes, and no longer by the old', async () => {
    const { backend, decksDir } = setup();
    fs.writeFileSync(path.join(decksDir, 'beta.yaml'), beta.replace('Counts goroutines still running.', 'Waits for a batch of workers.'));
    await backend.reloadDecks({});
    expect(keys(await backend.browseCards({ text: 'batch' }))).toEqual(['beta/wg']);
    expect((await backend.browseCards({ text: 'counts' })).total).toBe(0);
    // A card that leaves its file is retired: no longer found, nor counted; found again when it returns.
    const withoutOnce = beta.slice(0, beta.indexOf('  - id: once'));
    fs.writeFileSync(path.join(decksDir, 'beta.yaml'), withoutOnce);
    await backend.reloadDecks({});
    expect(await backend.browseCards({ text: 'exactly' })).toEqual({ total: 0, offset: 0, cards: [] });
    fs.writeFileSync(path.join(decksDir, 'beta.yaml'), beta);
    await backend.reloadDecks({});
    expect(keys(await backend.browseCards({ text: 'exactly' }))).toEqual(['beta/once']);
  });

  it('filters by deck, kind and whole tags, and names each card by its front', async () => {
    const { backend } = setup();
    const all = await backend.browseCards({});
    expect(all.total).toBe(5);
    expect(keys(await backend.browseCards({ deckId: 'beta' }))).toEqual(['beta/wg', 'beta/once']);
    expect(keys(await backend.browseCards({ kind: 'question' }))).toEqual(['alpha/mutex']);
    expect(keys(await backend.browseCards({ tag: 'sync' }))).toEqual(['alpha/mutex', 'beta/wg']);
    expect((await backend.browseCards({ tag: 'sy' })).total).toBe(0);
    const chan = (await backend.browseCards({ tag: 'channels' })).cards[0]!;
    expect(chan).toMatchObject({ title: 'Unbuffered channel', deckName: 'Alpha deck', tags: ['channels', 'basics'], kind: 'term', state: 0 });
    expect(await backend.browseFilters({})).toEqual({
      decks: [{ id: 'alpha', name: 'Alpha deck' }, { id: 'beta', name: 'Beta deck' }],
      tags: ['basics', 'channels', 'sync'],
    });
  });

  it('filters by state and sorts by due, interval and lapses, a page at a time', async () => {
    const { backend, clock, id } = setup();
    // wg: learning; chan: review after Easy; once: suspended; mutex: buried.
    await backend.answer({ cardId: id('beta/wg'), rating: 3, durationMs: 1000 });
    await backend.answer({ cardId: id('alpha/chan'), rating: 4, durationMs: 1000 });
    clock.advance(60_000);
    await backend.suspend({ cardId: id('beta/once') });
    await backend.bury({ cardId: id('alpha/mutex') });
    expect(keys(await backend.browseCards({ state: 'learning' }))).toEqual(['beta/wg']);
    expect(keys(await backend.browseCards({ state: 'review' }))).toEqual(['alpha/chan']);
    expect(keys(await backend.browseCards({ state: 'suspended' }))).toEqual(['beta/once']);
    const buried = await backend.browseCards({ state: 'buried' });
    expect(keys(buried)).toEqual(['alpha/mutex']);
    expect(buried.cards[0]!.buriedUntil).not.toBeNull();
    expect(keys(await backend.browseCards({ state: 'new' }))).toEqual(['alpha/mutex', 'alpha/print', 'beta/once']);

    // By due: the learning card (minutes away) before the review (days away), new cards last in deck order.
    expect(keys(await backend.browseCards({ sort: 'due' }))).toEqual(['beta/wg', 'alpha/chan', 'alpha/mutex', 'alpha/print', 'beta/once']);
    const byInterval = await backend.browseCards({ sort: 'interval', descending: true });
    expect(byInterval.cards[0]!.key).toBe('alpha/chan');
    expect(byInterval.cards[0]!.intervalDays).toBeGreaterThan(0);

    const page2 = await backend.browseCards({ sort: 'due', offset: 2, limit: 2 });
    expect(page2).toMatchObject({ total: 5, offset: 2 });
    expect(keys(page2)).toEqual(['alpha/mutex', 'alpha/print']);
    expect(await backend.browseCards({ offset: 50 })).toEqual({ total: 5, offset: 50, cards: [] });
  });

  it('sorts by lapses', async () => {
    const { backend, clock, id } = setup();
    const chan = id('alpha/chan');
    await backend.answer({ cardId: chan, rating: 4, durationMs: 1000 });
    clock.advance(20 * 86_400_000);
    await backend.answer({ cardId: chan, rating: 1, durationMs: 1000 });
    const page = await backend.browseCards({ sort: 'lapses', descending: true });
    expect(page.cards[0]).toMatchObject({ key: 'alpha/chan', lapses: 1 });
  });
});

describe('browsing many matches', () => {
  it('gives the same cards and count whether the words match few cards or thousands', async () => {
    const dataDir = tempDir();
    const decksDir = path.join(dataDir, 'bundled');
    fs.mkdirSync(decksDir);
    // Every card says "Term"; one in a thousand also says "Term 7..." as a word of its own.
    fs.writeFileSync(path.join(decksDir, 'many.yaml'), termDeck(2500, 'many'));
    const backend = testBackend(dataDir, decksDir);
    const db = new Database(path.join(dataDir, 'progress.db'));
    open.push({ backend, db });
    db.prepare("UPDATE cards SET suspended = 1 WHERE key IN ('many/c7', 'many/c2107')").run();
    const many = await backend.browseCards({ text: 'term', limit: 3, offset: 10, sort: 'interval' });
    expect(many.total).toBe(2500);
    expect(keys(many)).toEqual(['many/c10', 'many/c11', 'many/c12']);
    expect(keys(await backend.browseCards({ text: 'term', state: 'suspended' }))).toEqual(['many/c7', 'many/c2107']);
    expect(keys(await backend.browseCards({ text: 'meaning 2107' }))).toEqual(['many/c2107']);
    expect((await backend.browseCards({ text: 'term', deckId: 'many', kind: 'question' })).total).toBe(0);
  });
});

describe('card actions from the browser', () => {
  it('forget puts a card back to new and keeps its history; unsuspend brings it back', async () => {
    const { backend, id, row, db } = setup();
    const chan = id('alpha/chan');
    await backend.answer({ cardId: chan, rating: 3, durationMs: 1000 });
    await backend.answer({ cardId: chan, rating: 4, durationMs: 1000 });
    expect(row('alpha/chan')).toMatchObject({ state: 2 });
    await backend.forget({ cardId: chan });
    expect(row('alpha/chan')).toMatchObject({ state: 0, reps: 0, lapses: 0, stability: 0, scheduled_days: 0, last_review: null });
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log WHERE card_id = ?').get(chan)).toEqual({ n: 2 });
    await backend.suspend({ cardId: chan });
    expect(row('alpha/chan')).toMatchObject({ suspended: 1 });
    await backend.unsuspend({ cardId: chan });
    expect(row('alpha/chan')).toMatchObject({ suspended: 0 });
    await expect(backend.forget({ cardId: 99999 })).rejects.toThrow(/does not exist/);
  });

  it('card info lists every review: date, rating, interval given, time taken, what was typed', async () => {
    const { backend, clock, id } = setup();
    const print = id('alpha/print');
    await backend.answer({ cardId: print, rating: 1, durationMs: 4200, typed: 'zebra\n', correct: false });
    clock.advance(60_000);
    await backend.answer({ cardId: print, rating: 3, durationMs: 3100, typed: 'Zebra\n', correct: true });
    clock.advance(10 * 60_000);
    await backend.answer({ cardId: print, rating: 3, durationMs: 2000, typed: 'Zebra\n', correct: true });
    const info = await backend.cardInfo({ cardId: print });
    expect(info.deckName).toBe('Alpha deck');
    expect(info.card.key).toBe('alpha/print');
    expect(info.reviews.map((r) => [r.rating, r.state, r.interval, r.durationMs, r.typed, r.correct])).toEqual([
      [1, 0, '1m', 4200, 'zebra\n', false],
      [3, 1, '10m', 3100, 'Zebra\n', true],
      [3, 1, expect.stringMatching(/^\d+d$/), 2000, 'Zebra\n', true],
    ]);
    expect(info.reviews[0]!.at).toBe(fixedMorning().toISOString());
    expect(info.intervalDays).toBeGreaterThan(0);
    // Once forgotten, what the last answer gave is no longer the card's state: it is not made up.
    await backend.forget({ cardId: print });
    expect((await backend.cardInfo({ cardId: print })).reviews.at(-1)!.interval).toBeNull();
    await expect(backend.cardInfo({ cardId: 99999 })).rejects.toThrow(/no card 99999/);
  });
});

describe('undo', () => {
  it('takes back the last action of any kind, newest first, and says which card', async () => {
    const { backend, id, row } = setup();
    const chan = id('alpha/chan');
    const mutex = id('alpha/mutex');
    const fresh = row('alpha/chan');
    await backend.answer({ cardId: chan, rating: 3, durationMs: 1000 });
    const answered = row('alpha/chan');
    await backend.bury({ cardId: mutex });
    await backend.suspend({ cardId: chan });
    await backend.forget({ cardId: chan });

    expect(await backend.undo({})).toEqual({ cardId: chan, key: 'alpha/chan', deckId: 'alpha', action: 'forget', title: 'Unbuffered channel' });
    expect(row('alpha/chan')).toEqual({ ...answered, suspended: 1 });
    expect(await backend.undo({})).toMatchObject({ cardId: chan, action: 'suspend' });
    expect(row('alpha/chan')).toEqual(answered);
    expect(await backend.undo({})).toMatchObject({ cardId: mutex, action: 'bury', title: 'What does a Mutex guard?' });
    expect(row('alpha/mutex')).toMatchObject({ buried_until: null });
    expect(await backend.undo({})).toMatchObject({ cardId: chan, action: 'answer' });
    expect(row('alpha/chan')).toEqual(fresh);
    expect(await backend.undo({})).toBeNull();
  });

  it('in a deck, takes back only what happened in that deck', async () => {
    const { backend, id, row, db } = setup();
    await backend.answer({ cardId: id('beta/wg'), rating: 3, durationMs: 1000 });
    await backend.bury({ cardId: id('alpha/chan') });
    // The bury was in alpha: undo in beta leaves it and takes back beta's answer.
    expect(await backend.undo({ deckId: 'beta' })).toMatchObject({ key: 'beta/wg', action: 'answer' });
    expect(row('alpha/chan').buried_until).not.toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual({ n: 0 });
    expect(await backend.undo({ deckId: 'beta' })).toBeNull();
    expect(await backend.undo({ deckId: 'alpha' })).toMatchObject({ key: 'alpha/chan', action: 'bury' });
    await expect(backend.undo({ deckId: 'nope' })).rejects.toThrow(/no deck "nope"/);
  });

  it('never reaches past the start of the study day, whatever the action', async () => {
    const clock = new FakeClock(new Date(2026, 5, 1, 3, 50));
    const { backend, id, db } = setup(clock);
    await backend.suspend({ cardId: id('alpha/chan') });
    await backend.answer({ cardId: id('beta/wg'), rating: 3, durationMs: 1000 });
    clock.set(new Date(2026, 5, 1, 4, 1));
    expect(await backend.undo({})).toBeNull();
    await backend.bury({ cardId: id('beta/once') });
    // The new day's first step clears yesterday's away.
    expect(db.prepare('SELECT action FROM undo_steps').all()).toEqual([{ action: 'bury' }]);
    expect(await backend.undo({})).toMatchObject({ action: 'bury' });
    expect(await backend.undo({})).toBeNull();
  });
});
