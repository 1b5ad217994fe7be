import { afterAll, describe, expect, it } from 'vitest';
import { nextStudyDayStart, studyDayStart } from '../../electron/scheduler/day.ts';
import { intervalLabel } from '../../electron/scheduler/labels.ts';
import { cleanTemp, studyWithTermDeck } from './helpers.ts';

afterAll(cleanTemp);

const minute = 60_000;
const day = 24 * 60 * minute;

const setup = studyWithTermDeck;

interface CardRowLite {
  id: number;
  key: string;
  state: number;
  due: number;
  scheduled_days: number;
  stability: number;
  lapses: number;
}

describe('the study day', () => {
  it('starts at the rollover hour in local time', () => {
    expect(studyDayStart(new Date(2026, 2, 10, 3, 59), 4)).toEqual(new Date(2026, 2, 9, 4, 0));
    expect(studyDayStart(new Date(2026, 2, 10, 4, 0), 4)).toEqual(new Date(2026, 2, 10, 4, 0));
    expect(nextStudyDayStart(new Date(2026, 2, 10, 23, 0), 4)).toEqual(new Date(2026, 2, 11, 4, 0));
    expect(studyDayStart(new Date(2026, 0, 1, 0, 30), 4)).toEqual(new Date(2025, 11, 31, 4, 0));
  });

  it('labels intervals briefly', () => {
    expect(intervalLabel(60_000)).toBe('1m');
    expect(intervalLabel(10 * 60_000)).toBe('10m');
    expect(intervalLabel(3 * day)).toBe('3d');
    expect(intervalLabel(63 * day)).toBe('2.1mo');
    expect(intervalLabel(400 * day)).toBe('1.1y');
  });

  it('counts a card due at 03:59 as today until 04:00, and resets the new-card limit at 04:00, not midnight', async () => {
    const { backend, clock, db } = setup(6, new Date(2026, 4, 10, 23, 0));
    await backend.updateSettings({ newPerDay: 2, dayStartHour: 4 });
    const a = (await backend.nextCard({}))!.card;
    await backend.answer({ cardId: a.id, rating: 4, durationMs: 1 });
    const b = (await backend.nextCard({}))!.card;
    await backend.answer({ cardId: b.id, rating: 4, durationMs: 1 });
    // Two reviews, one due just before the next day starts, one just after.
    db.prepare('UPDATE cards SET due = ? WHERE id = ?').run(new Date(2026, 4, 11, 3, 59).getTime(), a.id);
    db.prepare('UPDATE cards SET due = ? WHERE id = ?').run(new Date(2026, 4, 11, 4, 1).getTime(), b.id);

    const counts = async () => (await backend.today({})).decks[0]!;
    expect(await counts()).toMatchObject({ newCount: 0, dueCount: 1 });

    clock.set(new Date(2026, 4, 11, 0, 30)); // after midnight, same study day
    expect(await counts()).toMatchObject({ newCount: 0, dueCount: 1 });
    expect((await backend.today({})).dayStart).toBe(new Date(2026, 4, 10, 4, 0).toISOString());
    expect((await backend.today({})).reviewedToday).toBe(2);
    expect((await backend.nextCard({}))!.card.id).toBe(a.id);

    clock.set(new Date(2026, 4, 11, 4, 0)); // the new study day
    expect(await counts()).toMatchObject({ newCount: 2, dueCount: 2 });
    expect((await backend.today({})).reviewedToday).toBe(0);
    db.close();
    backend.close();
  });

  it('tells when the next card in study comes due, ignoring new, suspended and buried-until-later cards', async () => {
    const { backend, db } = setup(3, new Date(2026, 4, 10, 10, 0));
    expect((await backend.today({})).nextDue).toBeNull(); // only new cards so far
    const a = (await backend.nextCard({}))!.card;
    const answered = await backend.answer({ cardId: a.id, rating: 4, durationMs: 1 });
    expect((await backend.today({})).nextDue).toBe(answered.due);
    const b = (await backend.nextCard({}))!.card;
    const again = await backend.answer({ cardId: b.id, rating: 1, durationMs: 1 });
    expect(Date.parse(again.due)).toBeLessThan(Date.parse(answered.due));
    expect((await backend.today({})).nextDue).toBe(again.due);
    await backend.suspend({ cardId: b.id });
    expect((await backend.today({})).nextDue).toBe(answered.due);
    db.close();
    backend.close();
  });

  it('brings back every suspended card of a deck at once', async () => {
    const { backend, db } = setup(3, new Date(2026, 4, 10, 10, 0));
    const deckId = (await backend.listDecks({}))[0]!.id;
    const first = (await backend.nextCard({}))!.card;
    await backend.suspend({ cardId: first.id });
    const second = (await backend.nextCard({}))!.card;
    await backend.suspend({ cardId: second.id });
    expect((await backend.listDecks({}))[0]!.suspendedCount).toBe(2);
    expect((await backend.today({})).decks[0]!.newCount).toBe(1);
    expect(await backend.unsuspendDeck({ deckId })).toEqual({ unsuspended: 2 });
    expect((await backend.listDecks({}))[0]!.suspendedCount).toBe(0);
    expect((await backend.today({})).decks[0]!.newCount).toBe(3);
    await expect(backend.unsuspendDeck({ deckId: 'no-such-deck' })).rejects.toThrow(/no deck "no-such-deck"/);
    db.close();
    backend.close();
  });

  it('hides a buried card until the next day and a suspended one until unsuspended', async () => {
    const { backend, clock, db } = setup(2, new Date(2026, 4, 10, 10, 0));
    const first = (await backend.nextCard({}))!.card;
    await backend.bury({ cardId: first.id });
    expect((await backend.nextCard({}))!.card.id).not.toBe(first.id);
    expect((await backend.today({})).decks[0]!.newCount).toBe(1);
    clock.set(new Date(2026, 4, 11, 4, 0));
    expect((await backend.nextCard({}))!.card.id).toBe(first.id);
    await backend.suspend({ cardId: first.id });
    expect((await backend.nextCard({}))!.card.id).not.toBe(first.id);
    expect((await backend.listDecks({}))[0]!.suspendedCount).toBe(1);
    clock.set(new Date(2026, 4, 20, 10, 0));
    expect((await backend.nextCard({}))!.card.id).not.toBe(first.id);
    await backend.unsuspend({ cardId: first.id });
    expect((await backend.nextCard({}))!.card.id).toBe(first.id);
    db.close();
    backend.close();
  });
});

const newPerDay = 5;
const reviewsPerDay = 8;

/** Sixty days of study with a fixed pattern of answers; what the limits did each day. */
async function simulate(newIgnoresReviewLimit: boolean) {
  const start = new Date(2026, 0, 5, 9, 0);
  const { backend, clock, db } = setup(120, start);
  await backend.updateSettings({ newPerDay, reviewsPerDay, newIgnoresReviewLimit });
  const row = db.prepare<[number], CardRowLite>('SELECT id, key, state, due, scheduled_days, stability, lapses FROM cards WHERE id = ?');
  const pattern = [3, 3, 1, 3, 4, 3, 2, 3, 3, 3, 3, 1] as const;
  let turn = 0;
  let goodGrew = 0;
  let lapsesChecked = 0;
  let hitNewLimit = 0;
  let hitReviewLimit = 0;
  let learningReturned = 0;
  const beforeLapse = new Map<number, number>();

  for (let d = 0; d < 60; d++) {
    clock.set(new Date(start.getFullYear(), start.getMonth(), start.getDate() + d, 9, 0));
    const dayEnd = nextStudyDayStart(clock.now(), 4).getTime();
    let fresh = 0;
    let reviews = 0;
    const seenToday = new Set<number>();
    for (let guard = 0; ; guard++) {
      expect(guard).toBeLessThan(400);
      const next = await backend.nextCard({});
      if (!next) break;
      const before = row.get(next.card.id)!;
      if (seenToday.has(before.id) && (before.state === 1 || before.state === 3)) learningReturned++;
      seenToday.add(before.id);
      const rating = pattern[turn++ % pattern.length]!;
      expect(next.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
      await backend.answer({ cardId: before.id, rating, durationMs: 3000 });
      const after = row.get(before.id)!;
      if (before.state === 0) fresh++;
      if (before.state === 2) {
        reviews++;
        if (rating === 3) {
          // Remembering strengthens memory. (The interval itself may come out a day shorter than
          // the last, fuzzed one: a hard card answered late grows less than fuzz moved it.)
          expect(after.stability, `Good on ${before.key}`).toBeGreaterThan(before.stability);
          if (after.scheduled_days > before.scheduled_days) goodGrew++;
        }
        if (rating === 1) {
          expect(after.state).toBe(3);
          expect(after.lapses).toBe(before.lapses + 1);
          // The relearning step, 10 minutes, and its fuzz of up to a quarter more.
          expect(after.due - clock.now().getTime()).toBeGreaterThanOrEqual(10 * minute);
          expect(after.due - clock.now().getTime()).toBeLessThan(12.5 * minute);
          beforeLapse.set(before.id, before.scheduled_days);
        }
      }
      if (before.state === 3 && after.state === 2 && beforeLapse.has(before.id)) {
        const old = beforeLapse.get(before.id)!;
        // One day is the floor: a card already at one day cannot shrink further.
        if (old > 1) {
          expect(after.scheduled_days, `interval after a lapse of ${before.key}`).toBeLessThan(old);
          lapsesChecked++;
        } else {
          expect(after.scheduled_days).toBeLessThanOrEqual(1);
        }
        beforeLapse.delete(before.id);
      }
      clock.advance(30_000);
    }
    expect(fresh).toBeLessThanOrEqual(newPerDay);
    if (newIgnoresReviewLimit) {
      expect(reviews).toBeLessThanOrEqual(reviewsPerDay);
      if (reviews === reviewsPerDay) hitReviewLimit++;
    } else {
      // New cards count against the review limit too, and reviews come first (Anki's default).
      expect(reviews + fresh).toBeLessThanOrEqual(reviewsPerDay);
      if (reviews + fresh === reviewsPerDay) hitReviewLimit++;
      if (reviews === reviewsPerDay) expect(fresh).toBe(0);
    }
    if (fresh === newPerDay) hitNewLimit++;
    // Nothing is left in (re)learning for later today: every learning card came back.
    const pending = db
      .prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM cards WHERE state IN (1, 3) AND due < ?')
      .get(dayEnd)!.n;
    expect(pending).toBe(0);
  }
  expect(goodGrew).toBeGreaterThan(30);
  expect(lapsesChecked).toBeGreaterThan(3);
  expect(learningReturned).toBeGreaterThan(50);
  db.close();
  backend.close();
  return { hitNewLimit, hitReviewLimit };
}

describe('sixty simulated days', () => {
  it('grow intervals on Good, shrink them after Again, finish learning the same day, and keep the limits: new cards within the review limit (Anki)', async () => {
    const { hitNewLimit, hitReviewLimit } = await simulate(false);
    // Early on the new limit is reached; once reviews pile up they fill the review limit first.
    expect(hitNewLimit).toBeGreaterThan(3);
    expect(hitReviewLimit).toBeGreaterThan(40);
  });

  it('and with new cards apart from the review limit (a setting)', async () => {
    const { hitNewLimit, hitReviewLimit } = await simulate(true);
    expect(hitNewLimit).toBeGreaterThan(20);
    expect(hitReviewLimit).toBeGreaterThan(5);
  });
});

describe('an answer given in a session', () => {
  it('comes back with the session\'s next card, the same one nextCard then gives', async () => {
    const { backend, db } = setup(3, new Date(2026, 4, 10, 12, 0));
    const first = (await backend.nextCard({}))!;
    const alone = await backend.answer({ cardId: first.card.id, rating: 3, durationMs: 1000 });
    expect(alone.next).toBeUndefined();
    const second = (await backend.nextCard({ deckId: 'drill' }))!;
    const result = await backend.answer({ cardId: second.card.id, rating: 3, durationMs: 1000, session: { deckId: 'drill' } });
    expect(result.next).not.toBeNull();
    expect(result.next!.card.id).not.toBe(second.card.id);
    expect(result.next).toEqual(await backend.nextCard({ deckId: 'drill' }));
    db.close();
  });

  it('says when nothing more is due', async () => {
    const { backend, db } = setup(1, new Date(2026, 4, 10, 12, 0));
    const only = (await backend.nextCard({}))!;
    // Easy graduates a new card at once: nothing else is due today.
    expect((await backend.answer({ cardId: only.card.id, rating: 4, durationMs: 1000, session: {} })).next).toBeNull();
    db.close();
  });
});
