// What each grade would do to a card, computed once for the buttons and again, the same way,
// for the answer. FSRS (ts-fsrs) gives stability, difficulty and review intervals; around it:
//  - Time is counted on the study-day clock. ts-fsrs counts the days since the last review
//    between UTC dates; the days that matter are study days (from the rollover hour, in the
//    learner's time zone, daylight saving included). So ts-fsrs is handed a last review that
//    lies exactly as many UTC days back as there are study days between the two reviews.
//  - A review interval of n days makes the card due when study day (today + n) starts, so it
//    is due on the right day whatever the hour of the answer and whatever DST does in between.
//  - Learning steps follow Anki (steps.ts), with their learning fuzz, in seconds.
//  - Fuzz is seeded by the card and its review count, not by the clock, so the interval a
//    button shows is the interval the answer gives.
import {
  fsrs,
  generatorParameters,
  Rating as FsrsRating,
  State,
  StrategyMode,
  type Card,
  type FSRS,
  type Grade,
  type TLearningStepsStrategy,
  type TSeedStrategy,
} from 'ts-fsrs';
import type { Rating } from '../../api/contract.ts';
import type { FsrsColumns } from '../store/cards.ts';
import { startOfStudyDay, studyDayNumber } from './day.ts';
import { intervalLabel } from './labels.ts';
import { fuzzedDelay, seededRandom, stepOutcome } from './steps.ts';

const DAY_MS = 86_400_000;

export interface SchedulingRules {
  desiredRetention: number;
  dayStartHour: number;
  /** Learning and relearning steps, in seconds. */
  learningSteps: readonly number[];
  relearningSteps: readonly number[];
  /** Fuzz on review intervals and learning delays (on in the app; tests may turn it off to pin numbers). */
  fuzz: boolean;
}

export interface NextState {
  /** The card's FSRS columns after this answer. */
  card: FsrsColumns;
  /** How long until it is due, as the button shows it. */
  label: string;
}

/** A card as the scheduler needs it: its id (the fuzz seed) and its FSRS columns. */
export interface ScheduledCard extends FsrsColumns {
  id: number;
}

/** ts-fsrs's card, with the id our seed strategy reads. */
type SeededCard = Card & { cardId: number };

const seedByCardAndReview: TSeedStrategy = function () {
  // `reps` has already been counted up for this review when the strategy runs.
  return `${(this.current as SeededCard).cardId}:${this.current.reps}`;
};

function stepsFor(rules: SchedulingRules, state: State): readonly number[] {
  return state === State.Review || state === State.Relearning ? rules.relearningSteps : rules.learningSteps;
}

/**
 * Tells ts-fsrs which answers keep a card in (re)learning and on which step; the delay itself
 * is set afterwards in seconds (ts-fsrs counts whole minutes, and Anki's Hard on the first step
 * is 5.5 of them).
 */
function stepsStrategy(rules: SchedulingRules): TLearningStepsStrategy {
  return (_params, state, step) => {
    const steps = stepsFor(rules, state);
    const out: Partial<Record<Grade, { scheduled_minutes: number; next_step: number }>> = {};
    const grades: Rating[] = state === State.Review ? [1] : [1, 2, 3];
    for (const g of grades) {
      const o = stepOutcome(steps, state === State.Review ? 0 : step, g);
      // Minutes only decide learning (under a day) against graduation; at least one keeps it learning.
      if (o !== 'graduate' && o.secs < DAY_MS / 1000) out[g as Grade] = { scheduled_minutes: Math.max(1, Math.round(o.secs / 60)), next_step: o.step };
    }
    return out;
  };
}

const engines = new Map<string, FSRS>();
/** The same rules object asks again and again during an import's replay; skip the key then. */
const enginesByRules = new WeakMap<SchedulingRules, FSRS>();

function engine(rules: SchedulingRules): FSRS {
  const known = enginesByRules.get(rules);
  if (known) return known;
  const key = JSON.stringify(rules);
  let f = engines.get(key);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: rules.desiredRetention,
        enable_fuzz: rules.fuzz,
        enable_short_term: true,
        // Unused by our steps strategy but checked by ts-fsrs: they name the same steps.
        learning_steps: rules.learningSteps.map((s) => `${Math.max(1, Math.round(s / 60))}m` as const),
        relearning_steps: rules.relearningSteps.map((s) => `${Math.max(1, Math.round(s / 60))}m` as const),
      }),
    );
    f.useStrategy(StrategyMode.SEED, seedByCardAndReview);
    f.useStrategy(StrategyMode.LEARNING_STEPS, stepsStrategy(rules));
    engines.set(key, f);
  }
  enginesByRules.set(rules, f);
  return f;
}

/** Study days from the last review to `now` (0 for a new card, never negative). */
export function elapsedStudyDays(card: FsrsColumns, now: number, dayStartHour: number): number {
  if (card.state === State.New || card.last_review === null) return 0;
  return Math.max(0, studyDayNumber(now, dayStartHour) - studyDayNumber(card.last_review, dayStartHour));
}

function fsrsCardOf(card: ScheduledCard, now: number, elapsed: number): SeededCard {
  return {
    cardId: card.id,
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    // Exactly `elapsed` UTC days back: ts-fsrs then counts the study days between the reviews.
    last_review: card.state === State.New || card.last_review === null ? undefined : new Date(now - elapsed * DAY_MS),
  };
}

/** The card after answering `rating`, given what ts-fsrs made of it (`next`). */
function settle(card: ScheduledCard, now: number, rules: SchedulingRules, today: number, rating: Rating, next: Card): NextState {
  let due: number;
  let label: string;
  if (next.state === State.Learning || next.state === State.Relearning) {
    const o = stepOutcome(stepsFor(rules, card.state as State), card.state === State.Review ? 0 : card.learning_steps, rating);
    const secs = o === 'graduate' ? Math.round((next.due.getTime() - now) / 1000) : o.secs;
    const delay = rules.fuzz ? fuzzedDelay(secs, seededRandom(`${card.id}:${card.reps + 1}:learn`)) : secs;
    due = now + delay * 1000;
    label = intervalLabel(delay * 1000);
  } else {
    due = startOfStudyDay(today + next.scheduled_days, rules.dayStartHour);
    label = intervalLabel(next.scheduled_days * DAY_MS);
  }
  return {
    card: {
      due,
      stability: next.stability,
      difficulty: next.difficulty,
      scheduled_days: next.scheduled_days,
      learning_steps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
      state: next.state,
      last_review: now,
    },
    label,
  };
}

/** What each grade does to `card` when answered at `now`. */
export function nextStates(card: ScheduledCard, now: number, rules: SchedulingRules): Record<Rating, NextState> {
  const elapsed = elapsedStudyDays(card, now, rules.dayStartHour);
  const preview = engine(rules).repeat(fsrsCardOf(card, now, elapsed), new Date(now));
  const today = studyDayNumber(now, rules.dayStartHour);
  const out = {} as Record<Rating, NextState>;
  for (const rating of [1, 2, 3, 4] as const) {
    out[rating] = settle(card, now, rules, today, rating, preview[rating as unknown as FsrsRating.Again].card);
  }
  return out;
}

/**
 * What one grade does, computed exactly as nextStates does for that grade but without the other
 * three: replaying an imported history answers hundreds of thousands of times.
 */
export function nextState(card: ScheduledCard, now: number, rating: Rating, rules: SchedulingRules): NextState {
  const elapsed = elapsedStudyDays(card, now, rules.dayStartHour);
  const next = engine(rules).next(fsrsCardOf(card, now, elapsed), new Date(now), rating as unknown as Grade).card;
  return settle(card, now, rules, studyDayNumber(now, rules.dayStartHour), rating, next);
}
