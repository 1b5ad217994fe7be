// The study-day clock, pinned in the time zone the test process runs in (each study-day.*.test.ts
// sets TZ first: vitest runs every test file in a process of its own). The numbers with
// "Anki" beside them are what Anki 26.09's FSRS gave on the same history; fuzz is off so that
// intervals are exact.
import { describe, expect, it } from 'vitest';
import { nextStudyDayStart, startOfStudyDay, studyDayNumber, studyDayStart } from '../../electron/scheduler/day.ts';
import { elapsedStudyDays, nextStates, type ScheduledCard, type SchedulingRules } from '../../electron/scheduler/intervals.ts';
import { learningSteps, relearningSteps } from '../../electron/scheduler/scheduler.ts';
import type { Rating } from '../../api/contract.ts';

const minute = 60_000;
const rules: SchedulingRules = { desiredRetention: 0.9, dayStartHour: 4, learningSteps, relearningSteps, fuzz: false };
const fresh: ScheduledCard = { id: 7, due: 0, stability: 0, difficulty: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, last_review: null };

/** Local wall-clock time in the process's zone. */
const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();

/** Answers a card through a history of (rating, time) and returns the card after each answer. */
function answer(history: [Rating, number][], from: ScheduledCard = fresh): ScheduledCard[] {
  const out: ScheduledCard[] = [];
  let card = from;
  for (const [rating, t] of history) {
    card = { id: card.id, ...nextStates(card, t, rules)[rating].card };
    out.push(card);
  }
  return out;
}

export function studyDayCases(zone: string): void {
  describe(`the study-day clock in ${zone}`, () => {
    it('runs in the zone the file set', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    });

    it('keeps two answers at 23:55 and 00:05 on one study day: the card graduates to 2 days, not 7 (Anki: 2)', () => {
      const [, graduated] = answer([
        [3, at(2026, 3, 10, 23, 55)],
        [3, at(2026, 3, 11, 0, 5)],
      ]);
      expect(graduated!.scheduled_days).toBe(2);
      expect(graduated!.stability).toBeCloseTo(2.3065, 4);
      // 00:05 still belongs to the study day of 10 March: due when the one of 12 March begins.
      expect(graduated!.due).toBe(at(2026, 3, 12, 4, 0));
    });

    it('does not count UTC midnight between two answers as a day (Anki: 2 days in Los Angeles at 15:55 and 16:05)', () => {
      // Five minutes either side of UTC midnight, wherever that falls in this zone's day.
      const midnight = Date.UTC(2026, 0, 20);
      const before = midnight - 5 * minute;
      const after = midnight + 5 * minute;
      expect(studyDayNumber(after, 4)).toBe(studyDayNumber(before, 4));
      const [, graduated] = answer([
        [3, before],
        [3, after],
      ]);
      expect(graduated!.scheduled_days).toBe(2);
    });

    it('crosses the rollover between 03:50 and 04:00: a day has passed (Anki: 7 days before fuzz, 8 with it)', () => {
      const [, across] = answer([
        [3, at(2026, 5, 2, 3, 50)],
        [3, at(2026, 5, 2, 4, 0)],
      ]);
      expect(across!.scheduled_days).toBe(7);
      expect(across!.stability).toBeCloseTo(7.3153, 4);
      const [, within] = answer([
        [3, at(2026, 5, 2, 3, 50)],
        [3, at(2026, 5, 2, 3, 59)],
      ]);
      expect(within!.scheduled_days).toBe(2);
    });

    it('relearns a lapse at 23:50 at 00:00 the same study day: stability 0.66 and 1 day, as Anki (not 2.40 and 2 days)', () => {
      const learnt = answer([
        [3, at(2026, 3, 1, 9, 0)],
        [3, at(2026, 3, 1, 9, 10)],
      ]);
      const lapsed = answer([[1, at(2026, 3, 3, 23, 50)]], learnt[1]);
      const [sameDay] = answer([[3, at(2026, 3, 4, 0, 0)]], lapsed[0]);
      expect(sameDay!.stability).toBeCloseTo(0.6598, 4);
      expect(sameDay!.scheduled_days).toBe(1);
      const [nextDay] = answer([[3, at(2026, 3, 4, 5, 0)]], lapsed[0]);
      expect(nextDay!.stability).toBeCloseTo(2.4017, 4);
      expect(nextDay!.scheduled_days).toBe(2);
    });

    it('makes a review due at the rollover of its day, whatever the hour of the answer and across daylight-saving changes', () => {
      // Nights of DST changes in Europe and North America in 2026, and ordinary ones.
      const days: [number, number, number][] = [[2026, 3, 28], [2026, 10, 24], [2026, 3, 7], [2026, 10, 31], [2026, 6, 15]];
      for (const [y, m, d] of days) {
        for (let minutes = 3 * 60; minutes < 5 * 60; minutes += 10) {
          const now = at(y, m, d, 0, minutes);
          const [card] = answer([[4, now]]);
          const n = card!.scheduled_days;
          expect(n).toBeGreaterThan(0);
          expect(studyDayNumber(card!.due, 4) - studyDayNumber(now, 4)).toBe(n);
          expect(card!.due).toBe(studyDayStart(new Date(card!.due), 4).getTime());
        }
      }
    });

    it('counts study days, not 24-hour periods, across a 23- and a 25-hour day', () => {
      const dst: [number, number, number][] = [[2026, 3, 28], [2026, 10, 24], [2026, 3, 7], [2026, 10, 31]];
      for (const [y, m, d] of dst) {
        const last = { ...fresh, state: 2, last_review: at(y, m, d, 4, 30) };
        // The next study day begins 23, 24 or 25 hours after the last one did.
        const next = nextStudyDayStart(new Date(last.last_review), 4).getTime();
        expect(elapsedStudyDays(last, next, 4)).toBe(1);
        expect(elapsedStudyDays(last, next - 1, 4)).toBe(0);
        expect(elapsedStudyDays(last, startOfStudyDay(studyDayNumber(next, 4) + 2, 4), 4)).toBe(3);
      }
    });
  });
}
