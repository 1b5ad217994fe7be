// An exercise's checks, decided over every outcome an exploration found: a check holds only if
// it holds under every schedule, and when it fails the report names one schedule (a witness)
// that shows it failing, so the learner can run exactly that schedule.
import type { ExploreResult } from '../explore/explore.ts';
import type { ExploreOutcome } from '../explore/outcomes.ts';
import { constructPhrases, type Construct, type ConstructUses } from './constructs.ts';

export type ExerciseCheck =
  /** The standard output of every outcome is one of these. */
  | { kind: 'output'; expected: string[] }
  /** Every outcome exits with this status. */
  | { kind: 'exit'; code: number }
  | { kind: 'noDeadlock' }
  /** No goroutine is still blocked when main returns. */
  | { kind: 'noLeaks' }
  | { kind: 'uses'; construct: Construct }
  | { kind: 'avoids'; construct: Construct }
  /** No schedule takes more than this many of gosim's steps. */
  | { kind: 'maxSteps'; steps: number };

export interface CheckVerdict {
  check: ExerciseCheck;
  pass: boolean;
  /** One sentence saying why. */
  why: string;
  /** A schedule under which the check fails (`run(source, { replay })`), or null. */
  witness: string | null;
  /** The outcome that fails it, as an index into the exploration's outcomes, or null. */
  outcome: number | null;
  /** Where a construct check looked (the construct's first use), 1-based, or null. */
  line: number | null;
}

const DEADLOCK = /^fatal error: (all goroutines are asleep|no goroutines)/;

/** A short, one-line rendering of program output for a sentence. */
export function quoteOutput(s: string, max = 60): string {
  const q = JSON.stringify(s);
  return q.length <= max ? q : q.slice(0, max - 4) + '…"';
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "under every schedule" when the search was exhaustive, else what was actually covered. */
function coverage(r: ExploreResult): string {
  return r.exhaustive ? 'under every schedule' : `in all ${plural(r.runs, 'run')} tried (the search was not exhaustive)`;
}

/** The schedule that shows a check failing on this outcome. */
function witnessFor(check: ExerciseCheck, o: ExploreOutcome): string {
  if (check.kind === 'maxSteps') return o.maxStepsWitness;
  if (check.kind === 'noLeaks') return o.maxLeftWitness;
  return o.witness;
}

function firstFailing(outcomes: readonly ExploreOutcome[], fails: (o: ExploreOutcome) => boolean): number {
  return outcomes.findIndex(fails);
}

/** How a run that printed something then ended, in a clause: a crash, or gosim stopping it. */
function afterOutput(crash: string): string {
  if (crash.startsWith('timeout running program')) return 'runs out of its time or step budget';
  return `crashes with "${crash}"`;
}

function endOf(o: ExploreOutcome): string {
  if (o.crash !== null) return o.crash;
  return `exit status ${o.exitCode}`;
}

export function evaluateCheck(check: ExerciseCheck, r: ExploreResult, uses: ConstructUses): CheckVerdict {
  const verdict = (pass: boolean, why: string, outcome: number | null = null, line: number | null = null): CheckVerdict => ({
    check,
    pass,
    why,
    witness: outcome === null ? null : witnessFor(check, r.outcomes[outcome]!),
    outcome,
    line,
  });
  const os = r.outcomes;
  // Nothing ran to its end (the search's time ran out first): nothing holds for every outcome.
  if (os.length === 0 && check.kind !== 'uses' && check.kind !== 'avoids') {
    return verdict(false, 'gosim could not finish a single run of the program within its budget, so this cannot be decided.');
  }
  /** "Every schedule" when every outcome fails, "One schedule" when some do: failing ones are those `fails` picks. */
  const which = (fails: (o: ExploreOutcome) => boolean): string => (os.every(fails) ? 'Every schedule' : 'One schedule');
  switch (check.kind) {
    case 'output': {
      const fails = (o: ExploreOutcome) => !check.expected.includes(o.stdout);
      const bad = firstFailing(os, fails);
      const want = check.expected.length === 1 ? quoteOutput(check.expected[0]!) : `one of ${plural(check.expected.length, 'expected output')}`;
      if (bad < 0) return verdict(true, `It prints ${want} ${coverage(r)}.`);
      const o = os[bad]!;
      return verdict(false, `${which(fails)} prints ${quoteOutput(o.stdout)}${o.crash ? `, then ${afterOutput(o.crash)},` : ''} where ${want} is expected.`, bad);
    }
    case 'exit': {
      const fails = (o: ExploreOutcome) => o.exitCode !== check.code;
      const bad = firstFailing(os, fails);
      if (bad < 0) return verdict(true, `It exits with status ${check.code} ${coverage(r)}.`);
      const o = os[bad]!;
      return verdict(false, `${which(fails)} ends with ${endOf(o)}${o.crash ? ` (exit status ${o.exitCode})` : ''}, not exit status ${check.code}.`, bad);
    }
    case 'noDeadlock': {
      const fails = (o: ExploreOutcome) => o.crash !== null && DEADLOCK.test(o.crash);
      const bad = firstFailing(os, fails);
      if (bad < 0) return verdict(true, `No schedule deadlocks (checked ${coverage(r)}).`);
      return verdict(false, `${which(fails)} deadlocks: every goroutine ends up blocked, waiting for another.`, bad);
    }
    case 'noLeaks': {
      // Only a program that ends by itself leaves goroutines behind; a crash or a timeout is the other checks' to judge.
      const ended = os.filter((o) => o.crash === null);
      if (ended.length === 0) return verdict(false, 'main never returns under any schedule (see the other checks), so no goroutine can be seen to finish.');
      const fails = (o: ExploreOutcome) => o.crash === null && o.maxLeft > 0;
      const bad = firstFailing(os, fails);
      if (bad < 0) return verdict(true, `Every goroutine has finished when main returns, ${coverage(r)}.`);
      const all = ended.every(fails);
      return verdict(false, `${all ? 'Every schedule' : 'One schedule'} leaves ${plural(os[bad]!.maxLeft, 'goroutine')} unfinished when main returns.`, bad);
    }
    case 'maxSteps': {
      let worst = -1;
      os.forEach((o, i) => {
        if (worst < 0 || o.maxSteps > os[worst]!.maxSteps) worst = i;
      });
      const most = worst < 0 ? 0 : os[worst]!.maxSteps;
      if (most <= check.steps) return verdict(true, `The longest schedule takes ${plural(most, 'step')}; at most ${check.steps} are allowed.`);
      return verdict(false, `One schedule takes ${plural(most, 'step')}; at most ${check.steps} are allowed.`, worst);
    }
    case 'uses': {
      const at = uses.get(check.construct);
      const what = constructPhrases[check.construct];
      if (at) return verdict(true, `It uses ${what} (line ${at.line}).`, null, at.line);
      return verdict(false, `It does not use ${what} yet; this exercise asks for it.`);
    }
    case 'avoids': {
      const at = uses.get(check.construct);
      const what = constructPhrases[check.construct];
      if (!at) return verdict(true, `It does without ${what}.`);
      return verdict(false, `It uses ${what} on line ${at.line}; this exercise asks you to do without it.`, null, at.line);
    }
  }
}

/** A program that does not build fails every check, for that one reason. */
export function notBuiltVerdicts(checks: readonly ExerciseCheck[]): CheckVerdict[] {
  return checks.map((check) => ({ check, pass: false, why: 'The program does not compile yet; fix the errors marked in the code.', witness: null, outcome: null, line: null }));
}
