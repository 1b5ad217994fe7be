import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, termDeck } from '../helpers.ts';
import { fingerprint, freshBackend, preview, rows } from './importing.ts';

afterAll(cleanTemp);

const enc = (s: string) => new TextEncoder().encode(s);

describe('importing a deck file', () => {
  it('copies it into the data folder and loads it; a newer version updates by card key and keeps history', async () => {
    const { backend, dataDir, dbPath } = freshBackend();
    const p = await preview(backend, 'mine.yaml', enc(termDeck(3, 'mine')));
    expect(p).toMatchObject({ state: 'ready', format: 'deck', decks: [{ id: 'mine', cards: 3, newCards: 3, updatedCards: 0 }], kinds: [{ kind: 'term', cards: 3 }] });
    expect(await backend.importCommit({ importId: p.importId })).toMatchObject({ added: 3, updated: 0 });
    expect(fs.readFileSync(path.join(dataDir, 'decks', 'mine.yaml'), 'utf8')).toBe(termDeck(3, 'mine'));
    const item = await backend.nextCard({ deckId: 'mine' });
    await backend.answer({ cardId: item!.card.id, rating: 3, durationMs: 1000 });

    // Version 2: card c0 changes its text, c2 leaves, c3 and c4 arrive.
    const v2 = termDeck(5, 'mine').replace('Term 0', 'Term zero').replace(/  - id: c2\n(    .*\n){3}/, '');
    const p2 = await preview(backend, 'mine-v2.yaml', enc(v2));
    expect(p2.decks).toEqual([{ id: 'mine', name: 'Drill mine', cards: 4, newCards: 2, updatedCards: 2 }]);
    expect(p2.notices.join(' ')).toMatch(/1 card of this deck is not in the new file and will be retired/);
    await backend.importCommit({ importId: p2.importId });
    expect(fs.readdirSync(path.join(dataDir, 'decks'))).toEqual(['mine.yaml']);
    const cards = rows<{ key: string; retired: number; reps: number; content: string }>(dbPath, "SELECT key, retired, reps, content FROM cards WHERE deck_id = 'mine' ORDER BY key");
    expect(cards.map((c) => [c.key, c.retired])).toEqual([['mine/c0', 0], ['mine/c1', 0], ['mine/c2', 1], ['mine/c3', 0], ['mine/c4', 0]]);
    expect(cards.find((c) => c.key === item!.card.key)!.reps).toBe(1);
    expect(JSON.parse(cards[0]!.content).term).toBe('Term zero');
    expect(rows(dbPath, 'SELECT 1 FROM review_log')).toHaveLength(1);
    backend.close();
  });

  it("refuses a deck whose id a bundled deck owns, and changes nothing", async () => {
    const { backend, dbPath } = freshBackend();
    const bundledId = rows<{ id: string }>(dbPath, 'SELECT id FROM decks LIMIT 1')[0]!.id;
    const before = fingerprint(dbPath);
    const p = await preview(backend, 'evil.yaml', enc(termDeck(1, bundledId)));
    await expect(backend.importCommit({ importId: p.importId })).rejects.toThrow(/belongs to the bundled deck/);
    expect(fingerprint(dbPath)).toBe(before);
    backend.close();
  });
});
