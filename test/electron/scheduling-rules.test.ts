// Scheduling rules a learner meets every day, through the real backend on a real SQLite file:
// the interval on a button is the interval the answer gives; Anki's learning steps (Hard on the
// first step, Hard on a later one, the learning fuzz); the order of the day's queue; and what
// belongs to today and what to tomorrow.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rating } from '../../api/contract.ts';
import { Backend } from '../../electron/backend.ts';
import { nextStates, type ScheduledCard, type SchedulingRules } from '../../electron/scheduler/intervals.ts';
import { intervalLabel } from '../../electron/scheduler/labels.ts';
import { learningSteps, relearningSteps } from '../../electron/scheduler/scheduler.ts';
import { seededRandom } from '../../electron/scheduler/steps.ts';
import { cleanTemp, studyWithTermDeck } from './helpers.ts';

afterAll(cleanTemp);

const minute = 60_000;
const day = 24 * 60 * minute;

const setup = studyWithTermDeck;

/** A seeded generator, so every run of the test makes the same choices. */
const random = (seed: number) => seededRandom(`test:${seed}`);

/** Puts cards into review, due, with varied memory states, as if studied for a while. */
function makeReviewsDue(db: Database.Database, now: number, count: number, seed: number): void {
  const rnd = random(seed);
  const ids = (db.prepare('SELECT id FROM cards ORDER BY ord').all() as { id: number }[]).slice(0, count);
  const put = db.prepare('UPDATE cards SET state = 2, stability = ?, difficulty = ?, scheduled_days = ?, reps = ?, last_review = ?, due = ? WHERE id = ?');
  for (const { id } of ids) {
    const ivl = 1 + Math.floor(rnd() * 60);
    const late = Math.floor(rnd() * 5);
    put.run(0.5 + rnd() * 80, 1 + rnd() * 9, ivl, 2 + Math.floor(rnd() * 10), now - (ivl + late) * day - 3 * 3600_000, now - 3600_000, id);
  }
}

const steady: SchedulingRules = { desiredRetention: 0.9, dayStartHour: 4, learningSteps, relearningSteps, fuzz: false };
const fuzzed: SchedulingRules = { ...steady, fuzz: true };
const fresh: ScheduledCard = { id: 11, due: 0, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, last_review: null };

describe('the interval a button shows', () => {
  it('is the interval the answer gives, however long the learner looks at the card first', async () => {
    const start = new Date(2026, 4, 12, 9, 0);
    const { backend, clock, db } = setup(400, start);
    await backend.updateSettings({ reviewsPerDay: 9999, newPerDay: 0 });
    makeReviewsDue(db, start.getTime(), 400, 5);
    const rnd = random(99);
    const row = db.prepare<[number], { due: number; state: number }>('SELECT due, state FROM cards WHERE id = ?');
    let reviews = 0;
    let learning = 0;
    for (let i = 0; i < 400; i++) {
      const next = (await backend.nextCard({}))!;
      const rating = (1 + Math.floor(rnd() * 4)) as Rating;
      const shown = next.previews.find((p) => p.rating === rating)!;
      // The learner reads the card for up to two minutes before answering.
      clock.advance(1000 + Math.floor(rnd() * 120_000));
      const answeredAt = clock.now().getTime();
      await backend.answer({ cardId: next.card.id, rating, durationMs: 1000 });
      const after = row.get(next.card.id)!;
      if (after.state === 2) {
        expect(new Date(after.due).toISOString(), `card ${next.card.id}, grade ${rating}`).toBe(shown.due);
        reviews++;
      } else {
        expect(intervalLabel(after.due - answeredAt), `card ${next.card.id}, grade ${rating}`).toBe(shown.label);
        learning++;
      }
      clock.advance(1000);
    }
    expect(reviews).toBeGreaterThan(250);
    expect(learning).toBeGreaterThan(50);
    db.close();
    backend.close();
  });
});

describe('learning steps, as Anki takes them (1m 10m; relearning 10m)', () => {
  const delays = (card: ScheduledCard, now: number, rules = steady) => {
    const s = nextStates(card, now, rules);
    return ([1, 2, 3] as const).map((r) => (s[r].card.state === 2 ? 'graduates' : (s[r].card.due - now) / 1000));
  };
  const now = new Date(2026, 4, 12, 9, 0).getTime();

  it('on the first step: Again 1m, Hard the average of the first two steps (5.5m), Good 10m', () => {
    expect(delays(fresh, now)).toEqual([60, 330, 600]);
    expect(nextStates(fresh, now, steady)[2].label).toBe('5.5m');
  });

  it('on the second step: Hard repeats it (10m) and Good graduates', () => {
    const second = { ...fresh, ...nextStates(fresh, now, steady)[3].card };
    expect(second.learning_steps).toBe(1);
    expect(delays(second, now + 10 * minute)).toEqual([60, 600, 'graduates']);
  });

  it('relearning a lapse: Again 10m, Hard on the only step half as much again (15m), Good graduates', () => {
    const review: ScheduledCard = { ...fresh, state: 2, stability: 12, difficulty: 5, scheduled_days: 12, reps: 4, last_review: now - 12 * day, due: now };
    const lapsed = { ...review, ...nextStates(review, now, steady)[1].card };
    expect(lapsed.state).toBe(3);
    expect((lapsed.due - now) / 1000).toBe(600);
    expect(delays(lapsed, now + 10 * minute)).toEqual([600, 900, 'graduates']);
  });

  it('fuzzes a step by up to a quarter of it (at most five minutes), the same way for the button and the answer', () => {
    const seen = new Set<number>();
    for (let id = 1; id <= 200; id++) {
      const card = { ...fresh, id };
      const first = nextStates(card, now, fuzzed);
      const again = nextStates(card, now + 90_000, fuzzed);
      const secs = (first[3].card.due - now) / 1000;
      expect(secs).toBeGreaterThanOrEqual(600);
      expect(secs).toBeLessThan(750);
      expect((again[3].card.due - now - 90_000) / 1000).toBe(secs);
      seen.add(secs);
    }
    // Cards learnt together drift apart.
    expect(seen.size).toBeGreaterThan(50);
  });
});

describe('the day’s queue', () => {
  async function order(settings: Parameters<Backend['updateSettings']>[0], reviews: number, newCards: number) {
    const start = new Date(2026, 4, 12, 9, 0);
    const { backend, clock, db } = setup(reviews + newCards, start);
    await backend.updateSettings(settings);
    makeReviewsDue(db, start.getTime(), reviews, 3);
    const kinds: string[] = [];
    for (;;) {
      const next = await backend.nextCard({});
      if (!next) break;
      kinds.push(next.card.state === 0 ? 'N' : next.card.state === 2 ? 'R' : 'L');
      // Easy takes a card out of today's queue, so only the order of the day's cards shows.
      await backend.answer({ cardId: next.card.id, rating: 4, durationMs: 1000 });
      clock.advance(5000);
    }
    db.close();
    backend.close();
    return kinds.join('');
  }

  it('spreads new cards evenly among the reviews by default, as Anki', async () => {
    expect(await order({ newPerDay: 5, reviewsPerDay: 100 }, 10, 5)).toBe('NRRNRRNRRNRRNRR');
  });

  it('puts them after, or before, the reviews when the learner chooses', async () => {
    expect(await order({ newPerDay: 5, reviewsPerDay: 100, newReviewOrder: 'afterReviews' }, 4, 2)).toBe('RRRRNN');
    expect(await order({ newPerDay: 5, reviewsPerDay: 100, newReviewOrder: 'beforeReviews' }, 4, 2)).toBe('NNRRRR');
  });

  it('counts new cards against the review limit, reviews first, unless the learner says otherwise', async () => {
    expect(await order({ newPerDay: 5, reviewsPerDay: 6, newReviewOrder: 'afterReviews' }, 4, 5)).toBe('RRRRNN');
    expect(await order({ newPerDay: 5, reviewsPerDay: 3, newReviewOrder: 'afterReviews' }, 4, 5)).toBe('RRR');
    expect(await order({ newPerDay: 5, reviewsPerDay: 3, newReviewOrder: 'afterReviews', newIgnoresReviewLimit: true }, 4, 5)).toBe('RRRNNNNN');
  });

  it('orders reviews due the same day at random, the same order all day, another the next day', async () => {
    const start = new Date(2026, 4, 12, 9, 0);
    const { backend, clock, db } = setup(12, start);
    makeReviewsDue(db, start.getTime(), 12, 8);
    // Every review due at the same moment, as reviews due one day are.
    db.prepare('UPDATE cards SET due = ?').run(start.getTime() - 3600_000);
    const first = async () => (await backend.nextCard({}))!.card.id;
    const today = await first();
    clock.advance(3 * 3600_000);
    expect(await first()).toBe(today);
    const firsts = new Set<number>([today]);
    for (let d = 1; d <= 6; d++) {
      clock.set(new Date(2026, 4, 12 + d, 9, 0));
      firsts.add(await first());
    }
    expect(firsts.size).toBeGreaterThan(2);
    db.close();
    backend.close();
  });

  it('leaves a learning step that falls after the rollover to the next day, even with nothing else to do', async () => {
    const { backend, clock, db } = setup(1, new Date(2026, 4, 12, 3, 52));
    const card = (await backend.nextCard({}))!.card;
    await backend.answer({ cardId: card.id, rating: 3, durationMs: 1000 });
    // Due ten minutes on, at 04:02: tomorrow's study day.
    clock.set(new Date(2026, 4, 12, 3, 55));
    expect(await backend.nextCard({})).toBeNull();
    clock.set(new Date(2026, 4, 12, 4, 30));
    expect((await backend.nextCard({}))?.card.id).toBe(card.id);
    db.close();
    backend.close();
  });

  it('undoes answers of the current study day only', async () => {
    const { backend, clock, db } = setup(2, new Date(2026, 4, 12, 3, 50));
    const card = (await backend.nextCard({}))!.card;
    await backend.answer({ cardId: card.id, rating: 4, durationMs: 1000 });
    clock.set(new Date(2026, 4, 12, 3, 58));
    const other = (await backend.nextCard({}))!.card;
    await backend.answer({ cardId: other.id, rating: 4, durationMs: 1000 });
    expect(await backend.undo({})).toMatchObject({ cardId: other.id, action: 'answer' });
    await backend.answer({ cardId: other.id, rating: 4, durationMs: 1000 });
    // After the rollover yesterday's answers stay answered.
    clock.set(new Date(2026, 4, 12, 4, 1));
    expect(await backend.undo({})).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual({ n: 2 });
    db.close();
    backend.close();
  });
});
