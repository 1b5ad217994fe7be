// A card's FSRS state recomputed from its review history, answer by answer, with the very
// computation the review screen uses (intervals.ts): imported history then schedules the card
// exactly as if the reviews had been made in this app.
import type { Rating } from '../../api/contract.ts';
import { nextState, type SchedulingRules } from '../scheduler/intervals.ts';
import type { CardSnapshot, FsrsColumns, NewLog } from '../store/cards.ts';

export interface ReplayedReview {
  at: number;
  rating: Rating;
  durationMs: number;
  typed?: string | null;
  correct?: number | null;
}

export function newCardState(now: number): FsrsColumns {
  return { due: now, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, last_review: null };
}

/**
 * JSON.stringify of the card's snapshot ({...card, buried_until}), written out by hand: the
 * same text (for finite numbers JSON writes what String does), at a fraction of the cost,
 * which counts when a big import replays half a million reviews.
 */
export function snapshotJson(c: FsrsColumns, buriedUntil: number | null): string {
  const nums = [c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state];
  if (!nums.every(Number.isFinite) || (c.last_review !== null && !Number.isFinite(c.last_review)) || (buriedUntil !== null && !Number.isFinite(buriedUntil))) {
    const before: CardSnapshot = { ...c, buried_until: buriedUntil };
    return JSON.stringify(before);
  }
  return `{"due":${c.due},"stability":${c.stability},"difficulty":${c.difficulty},"scheduled_days":${c.scheduled_days},"learning_steps":${c.learning_steps},"reps":${c.reps},"lapses":${c.lapses},"state":${c.state},"last_review":${c.last_review},"buried_until":${buriedUntil}}`;
}

/**
 * Answers `count` reviews in order (the i-th at `at(i)` with `rating(i)`), starting from
 * `start`; `visit` sees the card as it was before each. Returns the card after the last.
 */
export function replaySteps(cardId: number, start: FsrsColumns, count: number, at: (i: number) => number, rating: (i: number) => Rating, rules: SchedulingRules, visit: (i: number, before: FsrsColumns) => void): FsrsColumns {
  let card = start;
  for (let i = 0; i < count; i++) {
    visit(i, card);
    card = nextState({ id: cardId, ...card }, at(i), rating(i), rules).card;
  }
  return card;
}

/** The log rows the reviews make (each with the state before it) and the card's state after the last. */
export function replay(cardId: number, start: FsrsColumns, reviews: readonly ReplayedReview[], rules: SchedulingRules, buriedUntil: number | null = null): { logs: NewLog[]; final: FsrsColumns } {
  const logs: NewLog[] = [];
  const final = replaySteps(cardId, start, reviews.length, (i) => reviews[i]!.at, (i) => reviews[i]!.rating, rules, (i, card) => {
    const r = reviews[i]!;
    logs.push({
      card_id: cardId,
      rating: r.rating,
      state: card.state,
      card_before: snapshotJson(card, buriedUntil),
      reviewed_at: r.at,
      duration_ms: r.durationMs,
      typed: r.typed ?? null,
      correct: r.correct ?? null,
    });
  });
  return { logs, final };
}

/**
 * An import's cards and reviews in the compact form the import's threads share (typed arrays
 * and plain strings, cheap to hand from one thread to another): card `i`'s reviews are
 * `reviewStart[i]` up to `reviewStart[i + 1]`, oldest first.
 */
export interface PackedCards {
  cards: { key: string; deckId: string; kind: string; content: string; suspended: boolean }[];
  reviewStart: Int32Array;
  at: Float64Array;
  rating: Uint8Array;
  durationMs: Float64Array;
}

export function packCards(cards: readonly { key: string; deckId: string; kind: string; content: string; suspended: boolean; reviews: readonly { at: number; rating: number; durationMs: number }[] }[]): PackedCards {
  let total = 0;
  for (const c of cards) total += c.reviews.length;
  const packed: PackedCards = {
    cards: cards.map((c) => ({ key: c.key, deckId: c.deckId, kind: c.kind, content: c.content, suspended: c.suspended })),
    reviewStart: new Int32Array(cards.length + 1),
    at: new Float64Array(total),
    rating: new Uint8Array(total),
    durationMs: new Float64Array(total),
  };
  let k = 0;
  cards.forEach((c, i) => {
    packed.reviewStart[i] = k;
    for (const r of c.reviews) {
      packed.at[k] = r.at;
      packed.rating[k] = r.rating;
      packed.durationMs[k] = r.durationMs;
      k++;
    }
  });
  packed.reviewStart[cards.length] = k;
  return packed;
}

/** The columns of FsrsColumns in the order a replayed range stores them (last_review null as NaN). */
const fsrsKeys = ['due', 'stability', 'difficulty', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'] as const;

/**
 * Cards `from` to `to` replayed: those with an id (new cards; 0 means the card is already in
 * the collection and is merged by the writer) and reviews. Per card its final state (9 numbers),
 * per review the state before it and the snapshot (`card_before`), the snapshots joined by
 * newlines, which JSON never holds raw (a review of a merged card keeps its place, empty).
 */
export interface ReplayedRange {
  from: number;
  to: number;
  finals: Float64Array<ArrayBuffer>;
  statesBefore: Uint8Array<ArrayBuffer>;
  before: string;
}

export function replayRange(packed: PackedCards, ids: Float64Array<ArrayBufferLike>, from: number, to: number, now: number, rules: SchedulingRules): ReplayedRange {
  const first = packed.reviewStart[from]!;
  const out: ReplayedRange = { from, to, finals: new Float64Array((to - from) * fsrsKeys.length), statesBefore: new Uint8Array(packed.reviewStart[to]! - first), before: '' };
  const before: string[] = [];
  for (let i = from; i < to; i++) {
    const a = packed.reviewStart[i]!;
    const b = packed.reviewStart[i + 1]!;
    if (a === b) continue;
    if (ids[i] === 0) {
      // Merged by the writer: its place in `before` is kept, empty.
      for (let k = a; k < b; k++) before.push('');
      continue;
    }
    const final = replaySteps(ids[i]!, newCardState(now), b - a, (j) => packed.at[a + j]!, (j) => packed.rating[a + j] as Rating, rules, (j, card) => {
      out.statesBefore[a - first + j] = card.state;
      before.push(snapshotJson(card, null));
    });
    fsrsKeys.forEach((key, j) => (out.finals[(i - from) * fsrsKeys.length + j] = final[key] ?? Number.NaN));
  }
  out.before = before.join('\n');
  return out;
}

/** Cards are replayed and written this many at a time (a range); threads share the ranges. */
export const rangeSize = 1024;

export function rangeCount(packed: PackedCards): number {
  return Math.ceil((packed.reviewStart.length - 1) / rangeSize);
}

/** Range number `r` replayed. */
export function replayRangeAt(packed: PackedCards, ids: Float64Array<ArrayBufferLike>, r: number, now: number, rules: SchedulingRules): ReplayedRange {
  return replayRange(packed, ids, r * rangeSize, Math.min(packed.reviewStart.length - 1, (r + 1) * rangeSize), now, rules);
}

/** Card `i`'s final state out of a replayed range. */
export function finalOf(range: ReplayedRange, i: number): FsrsColumns {
  const base = (i - range.from) * fsrsKeys.length;
  const v = (j: number) => range.finals[base + j]!;
  const last = v(8);
  return { due: v(0), stability: v(1), difficulty: v(2), scheduled_days: v(3), learning_steps: v(4), reps: v(5), lapses: v(6), state: v(7), last_review: Number.isNaN(last) ? null : last };
}
