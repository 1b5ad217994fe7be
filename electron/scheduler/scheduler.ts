// Which card comes next, and what an answer does to it. What each grade does is computed in
// intervals.ts (FSRS on the study-day clock); this module adds what a study session needs
// around it: the study day, per-deck daily limits, the order of the queue, undo, bury and
// suspend. The queue's rules, and which follow Anki's defaults, are in docs/scheduling.md.
import type { AnswerResult, Args, CardState, IntervalPreview, Rating, Settings } from '../../api/contract.ts';
import { NotFound } from '../errors.ts';
import type { CardRow, CardSnapshot, CardStore, DeckRow, UndoSnapshot, UndoStep } from '../store/cards.ts';
import { nextStudyDayStart, studyDayNumber, studyDayStart } from './day.ts';
import { nextStates, type SchedulingRules } from './intervals.ts';
import { stepSeconds } from './steps.ts';

/** Learning cards due this soon are shown now rather than leaving the learner waiting (Anki's default). */
export const learnAheadMs = 20 * 60_000;

/** The steps Anki starts with: new cards 1m then 10m, a lapse 10m. */
export const learningSteps = stepSeconds(['1m', '10m']);
export const relearningSteps = stepSeconds(['10m']);

export interface DeckCounts {
  newCount: number;
  learningCount: number;
  dueCount: number;
}

interface Window {
  now: number;
  /** The study day's number (day.ts), which also salts the order of its reviews. */
  today: number;
  dayStart: number;
  dayEnd: number;
  /** Learning cards due before this may be shown early: 20 minutes ahead, but never past the rollover. */
  learnUntil: number;
}

/** What a deck may still serve today, and what it served already. */
interface Allowance {
  newLeft: number;
  reviewLeft: number;
  newDone: number;
  reviewsDone: number;
}

export interface NextCard {
  row: CardRow;
  previews: IntervalPreview[];
  remaining: DeckCounts;
}

const ratings: Rating[] = [1, 2, 3, 4];

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

function undoSnapshotOf(row: CardRow): UndoSnapshot {
  return { ...snapshotOf(row), suspended: row.suspended };
}

export class Scheduler {
  constructor(
    private readonly store: CardStore,
    private readonly clock: () => Date,
    private readonly settings: () => Settings,
    /** Off only in tests that pin exact intervals. */
    private readonly fuzz = true,
  ) {}

  private rules(): SchedulingRules {
    const s = this.settings();
    return { desiredRetention: s.desiredRetention, dayStartHour: s.dayStartHour, learningSteps, relearningSteps, fuzz: this.fuzz };
  }

  private window(): Window {
    const at = this.clock();
    const hour = this.settings().dayStartHour;
    const now = at.getTime();
    const dayEnd = nextStudyDayStart(at, hour).getTime();
    return {
      now,
      today: studyDayNumber(now, hour),
      dayStart: studyDayStart(at, hour).getTime(),
      dayEnd,
      // A step that falls after the rollover belongs to tomorrow, as in Anki.
      learnUntil: Math.min(now + learnAheadMs, dayEnd - 1),
    };
  }

  /**
   * How many new cards and reviews each deck may still serve today. New cards use up the
   * review limit too unless the learner says otherwise (Anki's default): reviews come first.
   */
  private allowances(w: Window): Map<string, Allowance> {
    const { newPerDay, reviewsPerDay, newIgnoresReviewLimit } = this.settings();
    const done = new Map<string, { fresh: number; reviews: number }>();
    for (const r of this.store.doneSince(w.dayStart)) {
      const d = done.get(r.deck_id) ?? { fresh: 0, reviews: 0 };
      // The log keeps the state the card was in when answered: New means it was introduced today.
      if (r.state === 0) d.fresh += r.n;
      else if (r.state === 2) d.reviews += r.n;
      done.set(r.deck_id, d);
    }
    const out = new Map<string, Allowance>();
    for (const deck of this.store.decks()) {
      const d = done.get(deck.id) ?? { fresh: 0, reviews: 0 };
      out.set(deck.id, {
        newLeft: Math.max(0, newPerDay - d.fresh),
        reviewLeft: Math.max(0, reviewsPerDay - d.reviews - (newIgnoresReviewLimit ? 0 : d.fresh)),
        newDone: d.fresh,
        reviewsDone: d.reviews,
      });
    }
    return out;
  }

  /** New cards a deck may still show, once today's due reviews have their share of the review limit. */
  private newCap(a: Allowance, dueCount: number): number {
    return this.settings().newIgnoresReviewLimit ? a.newLeft : Math.min(a.newLeft, Math.max(0, a.reviewLeft - dueCount));
  }

  private decksFor(deckId: string | undefined): DeckRow[] {
    const decks = this.store.decks();
    if (deckId === undefined) return decks;
    const one = decks.filter((d) => d.id === deckId);
    if (one.length === 0) throw new NotFound(`There is no deck "${deckId}".`);
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
      const a = left.get(deck.id) ?? { newLeft: 0, reviewLeft: 0, newDone: 0, reviewsDone: 0 };
      const dueCount = this.store.countReview(deck.id, w.now, w.dayEnd, a.reviewLeft);
      out.set(deck.id, {
        newCount: this.store.countNew(deck.id, w.now, this.newCap(a, dueCount)),
        learningCount: this.store.countLearning(deck.id, w.now, w.learnUntil),
        dueCount,
      });
    }
    return out;
  }

  /**
   * Learning cards that are due come first. Then today's reviews (by due day, then in an order
   * shuffled per day, as Anki) and new cards (in deck-file order): spread among the reviews by
   * default, as Anki does, or all after or before them (settings). Last, with nothing else
   * left, a learning card due within the next minutes rather than a wait.
   */
  next(deckId?: string): NextCard | null {
    const w = this.window();
    const decks = this.decksFor(deckId);
    const left = this.allowances(w);
    const counts = this.counts(deckId, w, left);
    const earliest = (pick: (d: DeckRow) => CardRow | undefined): CardRow | undefined => {
      let best: CardRow | undefined;
      for (const d of decks) {
        const c = pick(d);
        if (c && (!best || c.due < best.due)) best = c;
      }
      return best;
    };
    let row = earliest((d) => this.store.firstLearning(d.id, w.now, w.now));
    if (!row) {
      const review = earliest((d) => ((counts.get(d.id)?.dueCount ?? 0) > 0 ? this.store.firstReview(d.id, w.now, w.dayEnd, w.today) : undefined));
      let fresh: CardRow | undefined;
      for (const d of decks) {
        if ((counts.get(d.id)?.newCount ?? 0) <= 0) continue;
        fresh = this.store.firstNew(d.id, w.now);
        if (fresh) break;
      }
      row = review && fresh ? (this.newComesFirst(decks, left, counts) ? fresh : review) : (review ?? fresh);
    }
    row ??= earliest((d) => this.store.firstLearning(d.id, w.now, w.learnUntil));
    if (!row) return null;
    const remaining: DeckCounts = { newCount: 0, learningCount: 0, dueCount: 0 };
    for (const c of counts.values()) {
      remaining.newCount += c.newCount;
      remaining.learningCount += c.learningCount;
      remaining.dueCount += c.dueCount;
    }
    return { row, previews: this.previews(row, w.now), remaining };
  }

  /**
   * With a review and a new card both waiting, which goes first. Mixed, new cards are spread
   * evenly over the day: one is shown whenever the day's share of new cards done so far falls
   * behind the share of reviews done (so 5 new among 10 reviews come as N R R N R R ...).
   */
  private newComesFirst(decks: DeckRow[], left: Map<string, Allowance>, counts: Map<string, DeckCounts>): boolean {
    const order = this.settings().newReviewOrder;
    if (order !== 'mix') return order === 'beforeReviews';
    let newDone = 0, reviewsDone = 0, newToCome = 0, reviewsToCome = 0;
    for (const d of decks) {
      const a = left.get(d.id);
      const c = counts.get(d.id);
      newDone += a?.newDone ?? 0;
      reviewsDone += a?.reviewsDone ?? 0;
      newToCome += c?.newCount ?? 0;
      reviewsToCome += c?.dueCount ?? 0;
    }
    return newDone * (reviewsDone + reviewsToCome) <= reviewsDone * (newDone + newToCome);
  }

  /** What each grade would do, for the buttons: the same computation the answer makes. */
  previews(row: CardRow, now: number): IntervalPreview[] {
    const states = nextStates(row, now, this.rules());
    return ratings.map((rating) => ({ rating, due: new Date(states[rating].card.due).toISOString(), label: states[rating].label }));
  }

  answer(args: Args<'answer'>): AnswerResult {
    const row = this.store.card(args.cardId);
    if (!row || row.retired) throw new NotFound(`Card ${args.cardId} does not exist or was removed from its deck.`);
    const w = this.window();
    const now = w.now;
    const after = nextStates(row, now, this.rules())[args.rating].card;
    this.store.recordAnswer(
      {
        card_id: row.id,
        rating: args.rating,
        state: row.state,
        card_before: JSON.stringify(snapshotOf(row)),
        reviewed_at: now,
        duration_ms: args.durationMs,
        typed: args.typed ?? null,
        correct: args.correct === undefined ? null : args.correct ? 1 : 0,
      },
      { id: row.id, ...after, buried_until: row.buried_until },
      undoSnapshotOf(row),
      w.dayStart,
    );
    return { cardId: row.id, due: new Date(after.due).toISOString(), state: after.state as CardState, canUndo: true };
  }

  /**
   * Takes back the most recent action of this study day (an answer, bury, suspend, unsuspend or
   * forget), in one deck when given; called again, the one before it. Nothing done before the
   * day's rollover is ever taken back.
   */
  undo(deckId?: string): { step: UndoStep; row: CardRow } | null {
    if (deckId !== undefined) this.decksFor(deckId);
    const step = this.store.lastStep(this.window().dayStart, deckId ?? null);
    if (!step) return null;
    this.store.revert(step);
    return { step, row: this.store.card(step.card_id)! };
  }

  bury(cardId: number): void {
    const row = this.existing(cardId);
    const w = this.window();
    this.store.change('bury', { ...undoSnapshotOf(row), id: row.id }, { ...undoSnapshotOf(row), buried_until: w.dayEnd }, w.now, w.dayStart);
  }

  suspend(cardId: number, suspended: boolean): void {
    const row = this.existing(cardId);
    const w = this.window();
    const action = suspended ? 'suspend' : 'unsuspend';
    this.store.change(action, { ...undoSnapshotOf(row), id: row.id }, { ...undoSnapshotOf(row), suspended: suspended ? 1 : 0 }, w.now, w.dayStart);
  }

  /** Back to new, as if never studied; its review history stays in the log. */
  forget(cardId: number): void {
    const row = this.existing(cardId);
    const w = this.window();
    const fresh: UndoSnapshot = {
      due: w.now, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0,
      state: 0, last_review: null, buried_until: null, suspended: row.suspended,
    };
    this.store.change('forget', { ...undoSnapshotOf(row), id: row.id }, fresh, w.now, w.dayStart);
  }

  private existing(cardId: number): CardRow {
    const row = this.store.card(cardId);
    if (!row) throw new NotFound(`Card ${cardId} does not exist.`);
    return row;
  }
}
