// Grading a typed prediction against every way a program can end. A prediction is right when
// it is what some outcome prints: its standard output, or for a "what happens" drill the first
// line of its crash report. "Is" means every character of every line, spaces included (where
// Print puts a space is often the point of a drill); only the line-ending style and the one
// final newline are forgiven, because a text box cannot show whether one was typed.

/** What the learner predicts: the program's standard output, or the first line Go prints when it crashes. */
export type PredictionMode = 'output' | 'crash';

/** The parts of an outcome a prediction is compared with (an ExploreOutcome has them). */
export interface PredictedOutcome {
  stdout: string;
  /** The crash report's first line (`panic: ...`, `fatal error: ...`), or null when the program exits by itself. */
  crash: string | null;
}

/**
 * One line of a comparison: in both (`same`), printed by the program but not typed
 * (`missing`), or typed but not printed (`extra`).
 */
export interface DiffLine {
  op: 'same' | 'missing' | 'extra';
  text: string;
}

export interface PredictionGrade {
  correct: boolean;
  /** Index of the outcome the prediction equals, or null. */
  matched: number | null;
  /** The outcome closest to the prediction (the matched one when right). */
  closest: number;
  /** Line-by-line comparison with the closest outcome's expected answer. */
  diff: DiffLine[];
}

/** The lines of a text; "" has none, while "\n" is one empty line. */
function lines(s: string): string[] {
  if (s === '') return [];
  return s.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/** What a right prediction is for this outcome. */
export function expectedAnswer(o: PredictedOutcome, mode: PredictionMode): string {
  return mode === 'crash' && o.crash !== null ? o.crash : o.stdout;
}

function answerLines(typed: string, mode: PredictionMode): string[] {
  const all = lines(typed);
  if (mode === 'output') return all;
  // A crash's first line: whatever is typed around it (blank lines, the rest of the report) does not count.
  const first = all.find((l) => l.trim() !== '');
  return first === undefined ? [] : [first.trim()];
}

/** Longest common subsequence of lines, as a diff from `expected` to `typed`. */
export function diffLines(expected: readonly string[], typed: readonly string[]): DiffLine[] {
  const n = expected.length, m = typed.length;
  // Outputs can be long; past this the table would be large, so compare line by line instead.
  if (n * m > 4_000_000) {
    const out: DiffLine[] = [];
    for (let i = 0; i < Math.max(n, m); i++) {
      if (i < n && i < m && expected[i] === typed[i]) out.push({ op: 'same', text: expected[i]! });
      else {
        if (i < n) out.push({ op: 'missing', text: expected[i]! });
        if (i < m) out.push({ op: 'extra', text: typed[i]! });
      }
    }
    return out;
  }
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = expected[i] === typed[j]
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  // Where a printed line and a typed one differ at the same place, the printed one comes first.
  const out: DiffLine[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === typed[j]) {
      out.push({ op: 'same', text: expected[i]! });
      i++; j++;
    } else if (j < m && (i === n || table[i * width + j + 1]! > table[(i + 1) * width + j]!)) {
      out.push({ op: 'extra', text: typed[j]! });
      j++;
    } else {
      out.push({ op: 'missing', text: expected[i]! });
      i++;
    }
  }
  return out;
}

function changed(diff: readonly DiffLine[]): number {
  let n = 0;
  for (const d of diff) if (d.op !== 'same') n++;
  return n;
}

function sharedStart(diff: readonly DiffLine[]): number {
  let n = 0;
  while (n < diff.length && diff[n]!.op === 'same') n++;
  return n;
}

interface Candidate {
  index: number;
  diff: DiffLine[];
  cost: number;
  start: number;
}

export function gradePrediction(typed: string, outcomes: readonly PredictedOutcome[], mode: PredictionMode): PredictionGrade {
  const mine = answerLines(typed, mode);
  let best: Candidate | null = null;
  outcomes.forEach((o, index) => {
    const diff = diffLines(lines(expectedAnswer(o, mode)), mine);
    const c: Candidate = { index, diff, cost: changed(diff), start: sharedStart(diff) };
    // Fewest differing lines; between equals, the outcome that agrees with the prediction for longest from the top.
    if (best === null || c.cost < best.cost || (c.cost === best.cost && c.start > best.start)) best = c;
  });
  if (best === null) return { correct: false, matched: null, closest: 0, diff: mine.map((text) => ({ op: 'extra', text })) };
  const b: Candidate = best;
  return { correct: b.cost === 0, matched: b.cost === 0 ? b.index : null, closest: b.index, diff: b.diff };
}
