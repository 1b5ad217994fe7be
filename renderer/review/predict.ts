// Checking a typed prediction against the program's real output. "Exactly" means every
// character on every line, spaces included; only line-ending style and the final newline are
// forgiven, because a text box cannot show whether one was typed.
export interface PredictionCheck {
  correct: boolean;
  /** 1-based number of the first line that differs, or null when they match. */
  firstDifferentLine: number | null;
}

function lines(s: string): string[] {
  return s.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

export function checkPrediction(typed: string, expected: string): PredictionCheck {
  const a = lines(typed);
  const b = lines(expected);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return { correct: false, firstDifferentLine: i + 1 };
  }
  return { correct: true, firstDifferentLine: null };
}
