// Which card comes next, and what an answer does to it. FSRS (ts-fsrs) decides intervals; this
// module adds what a study session needs around it: the study day, per-deck daily limits,
// queue order, undo, bury and suspend.
import { fsrs, generatorParameters, type Card, type FSRS, type Grade, type State } from 'ts-fsrs';
import type { AnswerResult, Args, CardState, IntervalPreview, Rating, Settings } from '../api/contract.ts';
import { ApiFailure } from '../api/errors.ts';
import type { CardRow, CardSnapshot, CardStore, DeckRow } from '../store/cards.ts';
import { nextStudyDayStart, studyDayStart } from './day.ts';
import { intervalLabel } from './labels.ts';

/** Learning cards due this soon are shown now rather than leaving the learner waiting (Anki's default). */
export const learnAheadMs = 20 * 60_000;

export interface DeckCounts {
  newCount: number;
  learningCount: number;
  dueCount: number;
}

interface Window {
  now: number;
  dayStart: number;
  dayEnd: number;
  learnUntil: number;
}

export interface NextCard {
  row: CardRow;
  previews: IntervalPreview[];
  remaining: DeckCounts;
}

const ratings: Rating[] = [1, 2, 3, 4];

export function toFsrsCard(row: CardSnapshot): Card {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: 0,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.last_review === null ? undefined : new Date(row.last_review),
  };
}

function snapshotOf(row: CardSnapshot): CardSnapshot {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    last_review: row.last_review,
    buried_until: row.buried_until,
  };
}

export class Scheduler {
  private engine: { retention: number; f: FSRS } | null = null;

  constructor(
    private readonly store: CardStore,
    private readonly clock: () => Date,
    private readonly settings: () => Settings,
  ) {}

  private fsrs(): FSRS {
    const retention = this.settings().desiredRetention;
    if (this.engine?.retention !== retention) {
      const params = generatorParameters({
        request_retention: retention,
        enable_fuzz: true,
        enable_short_term: true,
        learning_steps: ['1m', '10m'],
        relearning_steps: ['10m'],
      });
      this.engine = { retention, f: fsrs(params) };
    }
    return this.engine.f;
  }

  private window(): Window {
    const at = this.clock();
    const hour = this.settings().dayStartHour;
    const now = at.getTime();
    return {
      now,
      dayStart: studyDayStart(at, hour).getTime(),
      dayEnd: nextStudyDayStart(at, hour).getTime(),
      learnUntil: now + learnAheadMs,
    };
  }

  /** How many new cards and reviews each deck may still serve today. */
  private allowances(w: Window): Map<string, { newLeft: number; reviewLeft: number }> {
    const { newPerDay, reviewsPerDay } = this.settings();
    const done = new Map<string, { fresh: number; reviews: number }>();
    for (const r of this.store.doneSince(w.dayStart)) {
      const d = done.get(r.deck_id) ?? { fresh: 0, reviews: 0 };
      // The log keeps the state the card was in when answered: New means it was introduced today.
      if (r.state === 0) d.fresh += r.n;
      else if (r.state === 2) d.reviews += r.n;
      done.set(r.deck_id, d);
    }
    const out = new Map<string, { newLeft: number; reviewLeft: number }>();
    for (const deck of this.store.decks()) {
      const d = done.get(deck.id) ?? { fresh: 0, reviews: 0 };
      out.set(deck.id, {
        newLeft: Math.max(0, newPerDay - d.fresh),
        reviewLeft: Math.max(0, reviewsPerDay - d.reviews),
      });
    }
    return out;
  }

  private decksFor(deckId: string | undefined): DeckRow[] {
    const decks = this.store.decks();
    if (deckId === undefined) return decks;
    const one = decks.filter((d) => d.id === deckId);
    if (one.length === 0) throw new ApiFailure(`There is no deck "${deckId}".`, 404);
    return one;
  }

  dayStart(): Date {
    return new Date(this.window().dayStart);
  }

  answeredToday(): number {
    return this.store.answeredSince(this.window().dayStart);
  }

  counts(deckId?: string, w: Window = this.window(), left = this.allowances(w)): Map<string, DeckCounts> {
    const out = new Map<string, DeckCounts>();
    for (const deck of this.decksFor(deckId)) {
      const a = left.get(deck.id) ?? { newLeft: 0, reviewLeft: 0 };
      out.set(deck.id, {
        newCount: this.store.countNew(deck.id, w.now, a.newLeft),
        learningCount: this.store.countLearning(deck.id, w.now, w.learnUntil),
        dueCount: this.store.countReview(deck.id, w.now, w.dayEnd, a.reviewLeft),
      });
    }
    return out;
  }

  /** Due learning cards first, then today's reviews, then new cards in deck-file order (as Anki). */
  next(deckId?: string): NextCard | null {
    const w = this.window();
    const decks = this.decksFor(deckId);
    const left = this.allowances(w);
    const earliest = (pick: (d: DeckRow) => CardRow | undefined): CardRow | undefined => {
      let best: CardRow | undefined;
      for (const d of decks) {
        const c = pick(d);
        if (c && (!best || c.due < best.due)) best = c;
      }
      return best;
    };
    let row = earliest((d) => this.store.firstLearning(d.id, w.now, w.now));
    row ??= earliest((d) =>
      (left.get(d.id)?.reviewLeft ?? 0) > 0 ? this.store.firstReview(d.id, w.now, w.dayEnd) : undefined,
    );
    if (!row) {
      for (const d of decks) {
        if ((left.get(d.id)?.newLeft ?? 0) <= 0) continue;
        row = this.store.firstNew(d.id, w.now);
        if (row) break;
      }
    }
    // With nothing else left, a learning card due within the next minutes is shown early
    // rather than leaving the learner waiting.
    row ??= earliest((d) => this.store.firstLearning(d.id, w.now, w.learnUntil));
    if (!row) return null;
    const remaining: DeckCounts = { newCount: 0, learningCount: 0, dueCount: 0 };
    for (const c of this.counts(deckId, w, left).values()) {
      remaining.newCount += c.newCount;
      remaining.learningCount += c.learningCount;
      remaining.dueCount += c.dueCount;
    }
    return { row, previews: this.previews(row, w.now), remaining };
  }

  previews(row: CardRow, now: number): IntervalPreview[] {
    const preview = this.fsrs().repeat(toFsrsCard(row), new Date(now));
    return ratings.map((rating) => {
      const due = preview[rating as Grade].card.due;
      return { rating, due: due.toISOString(), label: intervalLabel(due.getTime() - now) };
    });
  }

  answer(args: Args<'answer'>): AnswerResult {
    const row = this.store.card(args.cardId);
    if (!row || row.retired) throw new ApiFailure(`Card ${args.cardId} does not exist or was removed from its deck.`, 404);
    const now = this.clock();
    const { card } = this.fsrs().next(toFsrsCard(row), now, args.rating as Grade);
    const before = snapshotOf(row);
    this.store.recordAnswer(
      {
        card_id: row.id,
        rating: args.rating,
        state: row.state,
        card_before: JSON.stringify(before),
        reviewed_at: now.getTime(),
        duration_ms: args.durationMs,
        typed: args.typed ?? null,
        correct: args.correct === undefined ? null : args.correct ? 1 : 0,
      },
      {
        id: row.id,
        due: card.due.getTime(),
        stability: card.stability,
        difficulty: card.difficulty,
        scheduled_days: card.scheduled_days,
        learning_steps: card.learning_steps,
        reps: card.reps,
        lapses: card.lapses,
        state: card.state,
        last_review: card.last_review ? card.last_review.getTime() : now.getTime(),
        buried_until: row.buried_until,
      },
    );
    return { cardId: row.id, due: card.due.toISOString(), state: card.state as CardState, canUndo: true };
  }

  /** Takes back the most recent answer of this study day; called again, the one before it. */
  undo(): { cardId: number } | null {
    const last = this.store.lastLogSince(this.window().dayStart);
    if (!last) return null;
    const before = JSON.parse(last.card_before) as CardSnapshot;
    this.store.revert(last, before);
    return { cardId: last.card_id };
  }

  canUndo(): boolean {
    return this.store.lastLogSince(this.window().dayStart) !== undefined;
  }

  bury(cardId: number): void {
    this.existing(cardId);
    this.store.setBuried(cardId, this.window().dayEnd);
  }

  suspend(cardId: number, suspended: boolean): void {
    this.existing(cardId);
    this.store.setSuspended(cardId, suspended);
  }

  private existing(cardId: number): CardRow {
    const row = this.store.card(cardId);
    if (!row) throw new ApiFailure(`Card ${cardId} does not exist.`, 404);
    return row;
  }
}
