// Learning and relearning steps as Anki takes them (its scheduler's steps and answering code,
// read for the rules; nothing copied). A card in learning is on step i of its steps:
//  - Again goes back to the first step;
//  - Hard repeats the current step, except on the first, where it waits the average of the
//    first two steps (5.5 min for 1m 10m), or with a single step 1.5 times it, at most a day
//    more; a delay over a day is rounded to whole days;
//  - Good moves to the next step, or graduates after the last;
//  - Easy graduates at once.
// The delay an answer gets is then fuzzed by up to 25% of it, at most five minutes, so cards
// learnt together drift apart; the fuzz is drawn from a seed of the card and its review
// count, so the interval a button shows is the one the answer gives.
import type { Rating } from '../../api/contract.ts';

const DAY = 86_400;

/** What an answer does to a card in (re)learning: wait `secs` on step `step`, or graduate. */
export type StepOutcome = { secs: number; step: number } | 'graduate';

function roundToDays(secs: number): number {
  return secs > DAY ? Math.round(secs / DAY) * DAY : secs;
}

/** `steps` in seconds; `step` the index of the current one (clamped into range). */
export function stepOutcome(steps: readonly number[], step: number, rating: Rating): StepOutcome {
  if (steps.length === 0) return 'graduate';
  const i = Math.min(Math.max(0, step), steps.length - 1);
  switch (rating) {
    case 1:
      return { secs: steps[0]!, step: 0 };
    case 2: {
      if (i > 0) return { secs: steps[i]!, step: i };
      const first = steps[0]!;
      const secs = steps.length > 1 ? Math.floor((first + steps[1]!) / 2) : Math.min(Math.floor((first * 3) / 2), first + DAY);
      return { secs: roundToDays(secs), step: 0 };
    }
    case 3:
      return i + 1 < steps.length ? { secs: steps[i + 1]!, step: i + 1 } : 'graduate';
    case 4:
      return 'graduate';
  }
}

/** Steps written as in a deck's settings ("1m", "10m", "1h", "1d") in seconds. */
export function stepSeconds(steps: readonly string[]): number[] {
  return steps.map((s) => {
    const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(s);
    if (!m) throw new Error(`a learning step must look like 1m, 10m, 1h or 1d (got "${s}")`);
    const unit = { s: 1, m: 60, h: 3600, d: DAY }[m[2] as 's' | 'm' | 'h' | 'd'];
    return Math.round(Number(m[1]) * unit);
  });
}

/** A delay with its learning fuzz: uniformly one of secs .. secs + min(25%, 5 min) - 1. */
export function fuzzedDelay(secs: number, random: () => number): number {
  const spread = Math.floor(Math.min(secs * 0.25, 300));
  return spread <= 0 ? secs : secs + Math.floor(random() * spread);
}

/** A small deterministic generator from a text seed (for fuzz: one card, one review). */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
