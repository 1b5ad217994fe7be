// The grade the app suggests after a drill or an exercise, from what it can see: a wrong
// prediction was not remembered (Again); a right one was (Good), and a right one given quickly
// was easy (Easy). An exercise whose every check passes suggests Good; one that fails, Again.
// The learner still decides: the suggestion only marks a button.
import type { Rating } from '../../api/contract.ts';

/** A right prediction revealed within this long after the card appeared counts as quick. */
export const quickPredictionMs = 15_000;

export function suggestForPrediction(correct: boolean, answeredInMs: number): Rating {
  if (!correct) return 1;
  return answeredInMs <= quickPredictionMs ? 4 : 3;
}

export function suggestForExercise(passed: boolean): Rating {
  return passed ? 3 : 1;
}
