// The preview of an import: what would be added and updated, per deck and per kind of card,
// the first cards as they will look, and every problem — computed from the plan and a read of
// the collection, never a write.
import type Database from 'better-sqlite3';
import type { ImportPreview } from '../../api/contract.ts';
import { previewProgress } from './restore.ts';
import type { ImportJob } from './session.ts';
import type { DeckCard } from '../decks/format.ts';
import { contentType } from '../security.ts';

const shownCards = 5;
/** Bigger images show in the preview as broken until imported, which keeps the preview small. */
const previewImageBytes = 512 * 1024;

function deckCardFaces(c: DeckCard): { front: string; back: string } {
  switch (c.kind) {
    case 'term':
      return { front: c.term, back: c.definition };
    case 'question':
      return { front: c.question, back: c.answer };
    case 'predict':
      return { front: c.prompt ?? 'What does this program print?', back: '```go\n' + c.code + '\n```' };
    case 'exercise':
      return { front: c.task, back: '' };
  }
}

export function previewOf(job: ImportJob, db: Database.Database | null): ImportPreview {
  const out: ImportPreview = {
    importId: job.id,
    file: job.file,
    format: job.format,
    state: job.state,
    progress: job.progress.state,
    decks: [],
    kinds: [],
    reviews: 0,
    images: 0,
    firstCards: [],
    problems: job.problems,
    notices: job.plan?.notices ?? [],
    mode: 'add',
  };
  if (job.state !== 'ready' || !db) return out;
  const exists = db.prepare<[string], { id: number }>('SELECT id FROM cards WHERE key = ?');
  if (job.plan) {
    const plan = job.plan;
    const decks = new Map(plan.decks.map((d) => [d.id, { id: d.id, name: d.name, cards: 0, newCards: 0, updatedCards: 0 }]));
    const kinds = new Map<string, number>();
    const seen = new Set<string>();
    for (const c of plan.cards) {
      const d = decks.get(c.deckId)!;
      d.cards++;
      if (!seen.has(c.key)) {
        if (exists.get(c.key)) d.updatedCards++;
        else d.newCards++;
        seen.add(c.key);
      }
      kinds.set(c.noteKind, (kinds.get(c.noteKind) ?? 0) + 1);
      out.reviews += c.reviews.length;
    }
    out.decks = [...decks.values()];
    out.kinds = [...kinds].map(([kind, cards]) => ({ kind, cards }));
    out.images = plan.media.length;
    // Images are written to media/ only on import, so the preview carries them inline.
    const inline = (html: string) =>
      html.replace(/"media\/([0-9a-f]{32}\.(\w+))"/g, (all, name: string, ext: string) => {
        const m = plan.media.find((x) => x.stored === name);
        if (!m || m.bytes.length > previewImageBytes) return all;
        return `"data:${contentType(`x.${ext}`)};base64,${Buffer.from(m.bytes).toString('base64')}"`;
      });
    out.firstCards = plan.cards.slice(0, shownCards).map((c) => ({ deck: decks.get(c.deckId)!.name, kind: c.noteKind, front: inline(c.front), back: inline(c.back), html: true }));
  } else if (job.deck) {
    const { deck } = job.deck;
    let newCards = 0;
    const kinds = new Map<string, number>();
    for (const { card } of deck.cards) {
      if (!exists.get(`${deck.id}/${card.id}`)) newCards++;
      kinds.set(card.kind, (kinds.get(card.kind) ?? 0) + 1);
    }
    const retiring = db.prepare<[string], { key: string }>('SELECT key FROM cards WHERE deck_id = ? AND retired = 0').all(deck.id)
      .filter((r) => !deck.cards.some(({ card }) => `${deck.id}/${card.id}` === r.key)).length;
    out.decks = [{ id: deck.id, name: deck.name, cards: deck.cards.length, newCards, updatedCards: deck.cards.length - newCards }];
    out.kinds = [...kinds].map(([kind, cards]) => ({ kind, cards }));
    out.firstCards = deck.cards.slice(0, shownCards).map(({ card }) => ({ deck: deck.name, kind: card.kind, ...deckCardFaces(card), html: false }));
    if (retiring > 0) out.notices = [`${retiring} card${retiring === 1 ? '' : 's'} of this deck ${retiring === 1 ? 'is' : 'are'} not in the new file and will be retired (hidden, history kept).`];
  } else if (job.progressFile) {
    const pf = job.progressFile;
    const p = previewProgress(db, pf);
    out.mode = p.mode;
    out.reviews = p.newReviews;
    const perDeck = new Map(pf.decks.map((d) => [d.id, { id: d.id, name: d.name, cards: 0, newCards: 0, updatedCards: 0 }]));
    for (const c of pf.cards) {
      const d = perDeck.get(c.deck_id)!;
      d.cards++;
      if (p.mode === 'restore' || !exists.get(c.key)) d.newCards++;
      else d.updatedCards++;
    }
    out.decks = [...perDeck.values()].filter((d) => d.cards > 0);
    out.kinds = [
      { kind: 'cards', cards: pf.cards.length },
      { kind: 'reviews in file', cards: pf.reviews.length },
      { kind: 'drafts', cards: pf.drafts.length },
    ];
    out.notices = p.mode === 'restore'
      ? [`Nothing has been studied in this profile yet, so it will become exactly the exported one (exported ${pf.manifest.exportedAt}), settings included.`]
      : [`This profile has its own history, so the file is merged by card key: ${p.newCards} cards are added, ${p.newReviews} reviews this profile lacks are added and those cards rescheduled from their whole history. Nothing here is removed; your settings stay as they are.`];
    out.firstCards = pf.cards.slice(0, shownCards).map((c) => {
      const content = JSON.parse(c.content) as DeckCard & { html?: boolean };
      const faces = deckCardFaces(content);
      return { deck: perDeck.get(c.deck_id)?.name ?? c.deck_id, kind: c.kind, ...faces, html: content.html === true };
    });
  }
  return out;
}
