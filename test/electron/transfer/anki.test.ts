import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextState } from '../../../electron/scheduler/intervals.ts';
import { learningSteps, relearningSteps } from '../../../electron/scheduler/scheduler.ts';
import { cleanTemp } from '../helpers.ts';
import { buildApkg, tinyPng, type PkgNote } from './ankiPackage.ts';
import { freshBackend, preview, rows } from './importing.ts';

afterAll(cleanTemp);

const day = 86_400_000;
// Reviews a month before the test's clock (2026-06-01 10:00 local).
const t0 = new Date(2026, 4, 1, 9, 0).getTime();

function notes(): PkgNote[] {
  return [
    {
      id: 100, guid: 'basicGuid', type: 'basic', deck: 'Go::Basics', tags: ['go', 'channels'],
      fields: ['What does <b>close(ch)</b> do? <img src="gopher.png">', 'Marks the channel closed [sound:ding.mp3]'],
      cards: { 0: { reviews: [{ at: t0, ease: 3, type: 0 }, { at: t0 + 10 * 60_000, ease: 3, type: 0 }, { at: t0 + 3 * day, ease: 3 }, { at: t0 + 12 * day, ease: 1 }, { at: t0 + 12 * day + 600_000, ease: 3, type: 2 }] } },
    },
    {
      id: 101, guid: 'revGuid', type: 'reversed', deck: 'Go::Basics',
      fields: ['goroutine', 'a function running concurrently'],
      cards: { 1: { reviews: [{ at: t0 + day, ease: 4, type: 0 }] } },
    },
    { id: 102, guid: 'clozeGuid', type: 'cloze', deck: 'Go::Cloze', fields: ['A {{c1::nil}} channel blocks; a {{c2::closed::state}} one panics on send', 'extra'], cards: { 1: { queue: -1 } } },
    { id: 103, guid: 'vocabGuid', type: 'vocab', deck: 'Vocab', fields: ['mutex', 'mutual exclusion lock', 'sync.Mutex'] },
    { id: 104, guid: 'hostile', type: 'basic', deck: 'Vocab', fields: ['<img src=x onerror="alert(1)"><script>alert(2)</script>front', '<a href="javascript:alert(3)">back</a>'] },
  ];
}

describe.each(['modern', 'legacy', 'oldest'] as const)('an Anki package (%s format)', (format) => {
  it('previews decks, card kinds, reviews and images, writing nothing', async () => {
    const { backend, dbPath } = freshBackend();
    const bytes = await buildApkg({ format, notes: notes(), media: [{ name: 'gopher.png', bytes: tinyPng }, { name: 'unused.png', bytes: tinyPng }] });
    const before = rows<{ n: number }>(dbPath, 'SELECT COUNT(*) AS n FROM cards')[0]!.n;
    const p = await preview(backend, 'go.apkg', bytes);
    expect(p.problems).toEqual([]);
    expect(p.state).toBe('ready');
    expect(p.format).toBe('apkg');
    expect(p.decks.map((d) => [d.name, d.cards, d.newCards])).toEqual([
      ['Go::Basics', 3, 3],
      ['Go::Cloze', 2, 2],
      ['Vocab', 2, 2],
    ]);
    expect(Object.fromEntries(p.kinds.map((k) => [k.kind, k.cards]))).toEqual({ basic: 2, reversed: 2, cloze: 2, other: 1 });
    expect(p.reviews).toBe(6);
    expect(p.images).toBe(1);
    expect(p.notices.join(' ')).toMatch(/ding\.mp3/);
    // The preview shows the image inline: it is written to media/ only on import.
    expect(p.firstCards[0]!.front).toBe(`What does <b>close(ch)</b> do? <img src="data:image/png;base64,${Buffer.from(tinyPng).toString('base64')}">`);
    expect(rows<{ n: number }>(dbPath, 'SELECT COUNT(*) AS n FROM cards')[0]!.n).toBe(before);
    backend.close();
  });

  it('imports every card with its history, images and suspension, and the cards can be studied', async () => {
    const { backend, dbPath, dataDir } = freshBackend();
    const bytes = await buildApkg({ format, notes: notes(), media: [{ name: 'gopher.png', bytes: tinyPng }] });
    const p = await preview(backend, 'go.apkg', bytes);
    const done = await backend.importCommit({ importId: p.importId });
    expect(done).toEqual({ decks: 3, added: 7, updated: 0, reviews: 6, images: 1 });

    type Row = { key: string; deck_id: string; content: string; state: number; reps: number; lapses: number; stability: number; difficulty: number; last_review: number | null; suspended: number; id: number };
    const cards = new Map(rows<Row>(dbPath, "SELECT * FROM cards WHERE key LIKE 'anki:%'").map((r) => [r.key, r]));
    expect([...cards.keys()].sort()).toEqual(['anki:basicGuid/0', 'anki:clozeGuid/0', 'anki:clozeGuid/1', 'anki:hostile/0', 'anki:revGuid/0', 'anki:revGuid/1', 'anki:vocabGuid/0']);
    const face = (key: string) => JSON.parse(cards.get(key)!.content) as { question: string; answer: string; tags: string[] };
    expect(face('anki:revGuid/1')).toMatchObject({ question: 'a function running concurrently', answer: 'goroutine' });
    expect(face('anki:clozeGuid/1').question).toBe('A nil channel blocks; a <span class="cloze">[state]</span> one panics on send');
    expect(face('anki:clozeGuid/1').answer).toBe('A nil channel blocks; a <span class="cloze">closed</span> one panics on send<hr>extra');
    expect(face('anki:vocabGuid/0')).toMatchObject({ question: 'mutex', answer: 'mutual exclusion lock<hr>sync.Mutex' });
    expect(face('anki:basicGuid/0').tags).toEqual(['go', 'channels']);
    expect(cards.get('anki:clozeGuid/1')!.suspended).toBe(1);
    expect(cards.get('anki:clozeGuid/0')!.suspended).toBe(0);
    expect(cards.get('anki:basicGuid/0')!.deck_id).toBe('anki:go-basics');

    // The image is kept under media/ with the bytes the package held.
    const src = /src="media\/([0-9a-f]{32}\.png)"/.exec(face('anki:basicGuid/0').question)![1]!;
    expect(fs.readFileSync(path.join(dataDir, 'media', src))).toEqual(Buffer.from(tinyPng));

    // The history is in the review log, and the state is what answering those reviews here gives.
    const basic = cards.get('anki:basicGuid/0')!;
    const log = rows<{ rating: number; reviewed_at: number; state: number }>(dbPath, 'SELECT rating, reviewed_at, state FROM review_log WHERE card_id = ? ORDER BY reviewed_at', basic.id);
    expect(log.map((l) => l.rating)).toEqual([3, 3, 3, 1, 3]);
    expect(log[0]!.state).toBe(0);
    const rules = { desiredRetention: 0.9, dayStartHour: 4, learningSteps, relearningSteps, fuzz: true };
    let expected = { id: basic.id, due: 0, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, last_review: null as number | null };
    for (const l of log) expected = { id: basic.id, ...nextState(expected, l.reviewed_at, l.rating as 1, rules).card };
    expect(basic).toMatchObject({ state: expected.state, reps: 5, lapses: 1, stability: expected.stability, difficulty: expected.difficulty, last_review: t0 + 12 * day + 600_000 });
    expect(basic.state).toBe(2);
    expect(cards.get('anki:revGuid/1')!.state).toBe(2);
    expect(cards.get('anki:revGuid/0')!.state).toBe(0);

    // The imported deck is studied like any other: its cards come up, as HTML.
    const item = await backend.nextCard({ deckId: 'anki:go-basics' });
    expect(item?.card.html).toBe(true);
    expect(item?.card.key).toMatch(/^anki:/);
    const answered = await backend.answer({ cardId: item!.card.id, rating: 3, durationMs: 1000 });
    expect(answered.cardId).toBe(item!.card.id);

    // And found in the card browser by its words and tags, as cards from deck files are.
    const found = await backend.browseCards({ text: 'mutual exclusion' });
    expect(found.cards.map((c) => c.key)).toEqual(['anki:vocabGuid/0']);
    expect((await backend.browseCards({ tag: 'channels' })).cards.map((c) => c.key)).toContain('anki:basicGuid/0');
    backend.close();
  });
});

describe('importing the same package again', () => {
  it('updates cards by key, adds only the reviews it lacks, and keeps reviews made here', async () => {
    const { backend, dbPath } = freshBackend();
    const first = await buildApkg({ format: 'modern', notes: notes() });
    await backend.importCommit({ importId: (await preview(backend, 'go.apkg', first)).importId });
    const revCard = rows<{ id: number }>(dbPath, "SELECT id FROM cards WHERE key = 'anki:revGuid/0'")[0]!.id;
    await backend.answer({ cardId: revCard, rating: 3, durationMs: 2000 });

    const more = notes();
    more[0]!.fields[1] = 'Marks the channel closed; receivers drain it';
    more[0]!.cards![0]!.reviews!.push({ at: t0 + 20 * day, ease: 3 });
    const again = await preview(backend, 'go.apkg', await buildApkg({ format: 'modern', notes: more }));
    expect(again.decks.map((d) => [d.name, d.newCards, d.updatedCards])).toEqual([['Go::Basics', 0, 3], ['Go::Cloze', 0, 2], ['Vocab', 0, 2]]);
    const done = await backend.importCommit({ importId: again.importId });
    expect(done).toMatchObject({ added: 0, updated: 7, reviews: 1 });
    const basic = rows<{ id: number; content: string; reps: number }>(dbPath, "SELECT id, content, reps FROM cards WHERE key = 'anki:basicGuid/0'")[0]!;
    expect(JSON.parse(basic.content).answer).toBe('Marks the channel closed; receivers drain it');
    expect(basic.reps).toBe(6);
    expect(rows(dbPath, 'SELECT 1 FROM review_log WHERE card_id = ?', revCard)).toHaveLength(1);
    // Updated cards are still found by their words: the unchanged one and the one whose answer changed.
    expect((await backend.browseCards({ text: 'mutual exclusion' })).cards.map((c) => c.key)).toEqual(['anki:vocabGuid/0']);
    expect((await backend.browseCards({ text: 'channel closed' })).cards.map((c) => c.key)).toContain('anki:basicGuid/0');
    expect((await backend.browseCards({ text: 'receivers drain' })).cards.map((c) => c.key)).toEqual(['anki:basicGuid/0']);
    backend.close();
  });
});
