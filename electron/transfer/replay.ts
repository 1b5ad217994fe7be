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

/** The log rows the reviews make (each with the state before it) and the card's state after the last. */
export function replay(cardId: number, start: FsrsColumns, reviews: readonly ReplayedReview[], rules: SchedulingRules, buriedUntil: number | null = null): { logs: NewLog[]; final: FsrsColumns } {
  let card: FsrsColumns = start;
  const logs: NewLog[] = [];
  for (const r of reviews) {
    const before: CardSnapshot = { ...card, buried_until: buriedUntil };
    logs.push({
      card_id: cardId,
      rating: r.rating,
      state: card.state,
      card_before: JSON.stringify(before),
      reviewed_at: r.at,
      duration_ms: r.durationMs,
      typed: r.typed ?? null,
      correct: r.correct ?? null,
    });
    card = nextState({ id: cardId, ...card }, r.at, r.rating, rules).card;
  }
  return { logs, final: card };
}
