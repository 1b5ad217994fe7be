// How explore() groups its runs into outcomes: two runs end the same way when they print the
// same, exit with the same code and crash with the same first line; each outcome keeps the
// witness of its first run and of its longest and leakiest ones.
import type { RunResult } from '../execute.ts';
import type { Explanation } from '../explain.ts';
import { formatWitness } from './witness.ts';

export interface ExploreOutcome {
  stdout: string;
  /** The program's own writes to stderr, before any crash report. */
  stderr: string;
  exitCode: number;
  /** The first line of Go's crash report (`panic: ...`, `fatal error: ...`), or the timeout line; null when the program exited by itself. */
  crash: string | null;
  /** The witness run's whole stderr, crash report included. */
  fullStderr: string;
  /** The choices that reproduce this outcome: `run(source, { replay: witness })`. */
  witness: string;
  /** How many of the runs ended this way. */
  runs: number;
  /** Goroutines still blocked when main returned, in the witness run. */
  leaked: number;
  /** The most steps any run ending this way took, and the witness of that run. */
  maxSteps: number;
  maxStepsWitness: string;
  /**
   * The most goroutines other than main that any run ending this way left alive (blocked,
   * asleep, or not run to their end), and the witness of the first run that left that many.
   */
  maxLeft: number;
  maxLeftWitness: string;
  /**
   * For a deadlock or leaked goroutines: why each blocked goroutine can never go on (explain.ts),
   * from a replay of the witness. Filled in by index.ts's explore for the first outcomes.
   */
  explanations?: Explanation[];
}

const CRASH_LINE = /^(panic: |fatal error: |timeout running program$|gosim: program output exceeded|gosim internal error: )/m;

/** The parts of a run's result that tell outcomes apart. */
function outcomeOf(r: RunResult): { stderr: string; crash: string | null } {
  const m = CRASH_LINE.exec(r.stderr);
  if (m === null) return { stderr: r.stderr, crash: null };
  const start = m.index;
  const end = r.stderr.indexOf('\n', start);
  // Go's runtime may say more just before a fatal error (out of memory, a stack overflow): that
  // belongs to the crash report, not to what the program wrote.
  const before = r.stderr.slice(0, start);
  const said = /(?:^runtime: [^\n]*\n)+$/m.exec(before);
  return { stderr: said === null ? before : before.slice(0, said.index), crash: r.stderr.slice(start, end < 0 ? undefined : end) };
}

/** The outcomes of an exploration so far, each run counted under the one it ended in. */
export class Outcomes {
  private readonly byKey = new Map<string, ExploreOutcome>();

  /** Counts a run that ended with `r`, made by the choices `witness`. */
  record(r: RunResult, witness: number[]): void {
    const { stderr, crash } = outcomeOf(r);
    const key = `${r.exitCode}\u0000${crash ?? ''}\u0000${stderr}\u0000${r.stdout}`;
    const seen = this.byKey.get(key);
    if (seen) {
      seen.runs++;
      if (r.stats.steps > seen.maxSteps) { seen.maxSteps = r.stats.steps; seen.maxStepsWitness = formatWitness(witness); }
      if (r.stats.goroutinesLeft > seen.maxLeft) { seen.maxLeft = r.stats.goroutinesLeft; seen.maxLeftWitness = formatWitness(witness); }
      return;
    }
    const w = formatWitness(witness);
    this.byKey.set(key, {
      stdout: r.stdout, stderr, exitCode: r.exitCode, crash, fullStderr: r.stderr, witness: w, runs: 1, leaked: r.leaks.length,
      maxSteps: r.stats.steps, maxStepsWitness: w, maxLeft: r.stats.goroutinesLeft, maxLeftWitness: w,
    });
  }

  /** Every outcome, in the order first reached. */
  list(): ExploreOutcome[] {
    return [...this.byKey.values()];
  }
}
