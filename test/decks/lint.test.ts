// The deck linter: every bundled deck is held to what the app promises about it.
//  - It parses as the app parses it (electron/decks/format.ts).
//  - A predict card states exactly the outcomes gosim's exploration finds, and that
//    exploration is exhaustive within the budget the app gives it (renderer/gosim/budgets.ts),
//    so the app can grade a prediction against every outcome the program can really have.
//  - An exercise's reference solution passes every check under every schedule, and its starter
//    fails at least one (or there would be nothing to do).
//  - What each program prints under real Go (recorded in the Go playground's mode by
//    `scripts/record-goldens.sh --decks` into test/decks/programs/) is one of the outcomes the
//    card states, and for a program with one outcome, exactly it.
// The exploration is capped by runs, not by the clock, so the verdict does not depend on how
// fast or loaded the machine is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exerciseChecks, parseDeck, statedOutcomes, type DeckCard } from '../../electron/decks/format.ts';
import { checkExercise, explore, type ExerciseCheck } from '../../gosim/index.ts';
import { searchBudget } from '../../renderer/gosim/budgets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const decksDir = path.join(root, 'decks');
const programsDir = path.join(root, 'test', 'decks', 'programs');

/**
 * The app's search budget in runs. The clock only ends a search that could never pass (every
 * passing card is exhaustive within seconds), so it cannot turn a pass into a failure.
 */
const lintOptions = { budget: searchBudget.runs, maxMs: 120_000, maxSteps: searchBudget.steps };

interface Recorded {
  source: string;
  stdout: string;
  stderr: string;
  exit: number;
}

function recorded(deckId: string, name: string): Recorded | null {
  const base = path.join(programsDir, deckId, name);
  if (!fs.existsSync(`${base}.go`)) return null;
  const read = (ext: string) => fs.readFileSync(base + ext, 'utf8');
  return { source: read('.go'), stdout: read('.stdout'), stderr: read('.stderr'), exit: Number(read('.exit').trim()) };
}

const rerecord = 'run scripts/record-goldens.sh --decks (it needs Go) and commit test/decks/programs';

function goldenFor(deckId: string, name: string, source: string): Recorded {
  const g = recorded(deckId, name);
  if (g === null) throw new Error(`${deckId}/${name}: no recording of this program under real Go; ${rerecord}`);
  if (g.source !== source) throw new Error(`${deckId}/${name}: the program changed since it was recorded under real Go; ${rerecord}`);
  return g;
}

function crashLine(stderr: string): string | null {
  const m = /^(panic: .*|fatal error: .*)$/m.exec(stderr);
  return m ? m[1]! : null;
}

const key = (o: { stdout: string; crash: string | null }) => JSON.stringify([o.stdout, o.crash]);

const deckFiles = fs.readdirSync(decksDir).filter((f) => f.endsWith('.yaml')).sort();

describe('bundled decks', () => {
  it('have distinct deck ids', () => {
    const ids = deckFiles.map((f) => {
      const r = parseDeck(fs.readFileSync(path.join(decksDir, f), 'utf8'), f);
      return r.ok ? r.deck.id : f;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const file of deckFiles) {
    const parsed = parseDeck(fs.readFileSync(path.join(decksDir, file), 'utf8'), `decks/${file}`);

    it(`${file} parses as the app parses it`, () => {
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    });
    if (!parsed.ok) continue;
    const deck = parsed.deck;

    describe(`${deck.id}: predict cards`, () => {
      for (const { card } of deck.cards.filter((c) => c.card.kind === 'predict')) {
        const c = card as DeckCard & { kind: 'predict' };
        it(`${c.id}: states every outcome gosim finds, from an exhaustive search`, () => {
          const r = explore(c.code, lintOptions);
          expect(r.buildErrors, 'the program must compile').toBeNull();
          expect(r.exhaustive, `not every schedule could be tried within ${lintOptions.budget} runs (stopped by ${r.stoppedBy}); make the program smaller`).toBe(true);
          const found = r.outcomes.map((o) => key(o)).sort();
          const stated = statedOutcomes(c).map((o) => key(o)).sort();
          expect(stated, 'the outcomes the card states (stdout, crash line)').toEqual(found);
        });

        it(`${c.id}: what real Go prints is one of the stated outcomes`, () => {
          const g = goldenFor(deck.id, c.id, c.code);
          const stated = statedOutcomes(c);
          const real = { stdout: g.stdout, crash: crashLine(g.stderr) };
          expect(stated.map(key), `real Go printed ${JSON.stringify(g.stdout)} (exit ${g.exit})`).toContain(key(real));
          expect(g.exit).toBe(real.crash === null ? 0 : 2);
        });
      }
    });

    describe(`${deck.id}: exercises`, () => {
      for (const { card } of deck.cards.filter((c) => c.card.kind === 'exercise')) {
        const c = card as DeckCard & { kind: 'exercise' };
        const checks = exerciseChecks(c);

        it(`${c.id}: the reference solution passes every check under every schedule`, () => {
          const r = checkExercise(c.solution, checks, lintOptions);
          expect(r.buildOutput).toBeNull();
          expect(r.exploration.exhaustive, `not every schedule could be tried (stopped by ${r.exploration.stoppedBy})`).toBe(true);
          expect(r.checks.filter((v) => !v.pass).map((v) => v.why)).toEqual([]);
        });

        it(`${c.id}: the starter fails at least one check`, () => {
          const r = checkExercise(c.starter, checks, lintOptions);
          expect(r.passed).toBe(false);
        });

        it(`${c.id}: real Go agrees with the solution's output and exit checks`, () => {
          const g = goldenFor(deck.id, `${c.id}.solution`, c.solution);
          for (const check of checks) holdsUnderGo(check, g);
        });
      }
    });
  }
});

function holdsUnderGo(check: ExerciseCheck, g: Recorded): void {
  if (check.kind === 'output') expect(check.expected, 'the output real Go printed').toContain(g.stdout);
  if (check.kind === 'exit') expect(g.exit, 'the exit status under real Go').toBe(check.code);
  if (check.kind === 'noDeadlock') expect(g.stderr).not.toMatch(/^fatal error: all goroutines are asleep/m);
}
