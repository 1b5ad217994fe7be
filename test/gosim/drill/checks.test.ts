// An exercise's checks are decided over every schedule explore() finds; a failing check names
// a schedule that shows it, and replaying that schedule really shows it.
import { describe, expect, it } from 'vitest';
import type { ExerciseCheck as ContractCheck } from '../../../api/contract.ts';
import { constructNames as deckConstructs } from '../../../electron/decks/format.ts';
import { evaluateCheck } from '../../../gosim/drill/checks.ts';
import { checkExercise, constructNames, run, type ExerciseCheck, type ExploreResult } from '../../../gosim/index.ts';

const racy = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(s)
		}()
	}
	wg.Wait()
}
`;

const leaky = `package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	go func() { ch <- 2 }()
	fmt.Println(<-ch)
}
`;

const deadlocks = `package main

func main() {
	ch := make(chan int)
	ch <- 1
}
`;

describe('exercise checks over every schedule', () => {
  it('an output check fails when some schedule prints something else, and its witness replays it', () => {
    const r = checkExercise(racy, [{ kind: 'output', expected: ['a\nb\n'] }]);
    expect(r.exploration.exhaustive).toBe(true);
    const [v] = r.checks;
    expect(v!.pass).toBe(false);
    expect(v!.why).toContain('"b\\na\\n"');
    expect(run(racy, { replay: v!.witness! }).stdout).toBe('b\na\n');
  });

  it('an output check with a set of outputs holds when every schedule prints one of them', () => {
    const r = checkExercise(racy, [{ kind: 'output', expected: ['a\nb\n', 'b\na\n'] }]);
    expect(r.passed).toBe(true);
    expect(r.checks[0]!.why).toMatch(/under every schedule/);
  });

  it('noLeaks fails with the number of goroutines left blocked, and names the schedule', () => {
    const r = checkExercise(leaky, [{ kind: 'noLeaks' }, { kind: 'exit', code: 0 }]);
    const [leaks, exit] = r.checks;
    expect(leaks!.pass).toBe(false);
    expect(leaks!.why).toBe('Every schedule leaves 1 goroutine unfinished when main returns.');
    expect(run(leaky, { replay: leaks!.witness! }).leaks).toHaveLength(1);
    expect(exit!.pass).toBe(true);
  });

  it('noDeadlock and exit fail on a deadlock; the explanation comes with the failing outcome', () => {
    const r = checkExercise(deadlocks, [{ kind: 'noDeadlock' }, { kind: 'exit', code: 0 }]);
    expect(r.checks.map((c) => c.pass)).toEqual([false, false]);
    expect(r.checks[1]!.why).toMatch(/fatal error: all goroutines are asleep - deadlock! \(exit status 2\)/);
    const failing = r.exploration.outcomes[r.checks[0]!.outcome!]!;
    expect(failing.explanations?.[0]?.text).toMatch(/deadlocked/);
  });

  it('uses and avoids name the line of the construct', () => {
    const checks: ExerciseCheck[] = [
      { kind: 'uses', construct: 'waitgroup' },
      { kind: 'uses', construct: 'select' },
      { kind: 'avoids', construct: 'go' },
      { kind: 'avoids', construct: 'sleep' },
    ];
    const r = checkExercise(racy, checks);
    expect(r.checks.map((c) => [c.pass, c.line])).toEqual([
      [true, 9],
      [false, null],
      [false, 12],
      [true, null],
    ]);
  });

  it('maxSteps holds against the longest schedule, and its witness is that schedule', () => {
    const loose = checkExercise(racy, [{ kind: 'maxSteps', steps: 1_000_000 }]);
    expect(loose.passed).toBe(true);
    const most = Math.max(...loose.exploration.outcomes.map((o) => o.maxSteps));
    const tight = checkExercise(racy, [{ kind: 'maxSteps', steps: most - 1 }]);
    expect(tight.passed).toBe(false);
    expect(run(racy, { replay: tight.checks[0]!.witness! }).stats.steps).toBe(most);
  });

  it('a program that does not compile fails every check and says where', () => {
    const r = checkExercise('package main\n\nfunc main() {\n\tx := 1\n}\n', [{ kind: 'exit', code: 0 }, { kind: 'avoids', construct: 'go' }]);
    expect(r.passed).toBe(false);
    expect(r.checks.every((c) => !c.pass && /does not compile/.test(c.why))).toBe(true);
    expect(r.diagnostics).toEqual([{ line: 4, col: 2, message: 'declared and not used: x' }]);
  });
});

describe('the check and construct vocabulary', () => {
  // The API contract and gosim may not import each other (docs/architecture.md), so each states
  // the shape of a check; these lines fail to compile, or the test fails, if the two drift apart.
  it('is the same in the API contract, the deck format and gosim', () => {
    const fromContract: ExerciseCheck = {} as ContractCheck;
    const toContract: ContractCheck = {} as ExerciseCheck;
    void [fromContract, toContract];
    expect([...deckConstructs]).toEqual([...constructNames]);
  });
});

describe('a search that could not finish one run', () => {
  it('decides no check about the program’s behaviour; construct checks still stand', () => {
    const nothing: ExploreResult = {
      outcomes: [], exhaustive: false, runs: 0, systematicRuns: 0, randomRuns: 0, states: 0, ms: 0, stoppedBy: 'time', buildErrors: null,
    };
    const checks: ExerciseCheck[] = [{ kind: 'output', expected: [''] }, { kind: 'noLeaks' }, { kind: 'maxSteps', steps: 10 }, { kind: 'avoids', construct: 'go' }];
    const verdicts = checks.map((c) => evaluateCheck(c, nothing, new Map()));
    expect(verdicts.map((v) => v.pass)).toEqual([false, false, false, true]);
    expect(verdicts[0]!.why).toMatch(/could not finish a single run/);
  });
});
