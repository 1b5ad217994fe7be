// How gosim's result is held to a golden recorded from real Go: stdout and exit status exactly,
// compile errors line by line, crash reports in every part that does not vary between two runs
// of one binary (crash-output.ts), and any other stderr exactly.
import { expect } from 'vitest';
import { comparableCrash, compileErrorLines } from './crash-output.ts';

/** What real Go did: every acceptable stdout, stderr, exit status. */
export interface GoResult {
  stdouts: string[];
  stderr: string;
  exit: number;
}

/** What gosim did. */
export interface GosimResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function isCompileError(g: GoResult): boolean {
  return g.exit === 1 && g.stderr.startsWith('# command-line-arguments\n');
}

export function isCrash(g: GoResult): boolean {
  return g.exit === 2 && /^(panic: |fatal error: |runtime: )/.test(g.stderr);
}

export function expectSameAsGo(g: GoResult, got: GosimResult): void {
  if (g.stdouts.length === 1) {
    expect(got.stdout, 'stdout').toBe(g.stdouts[0]);
  } else {
    expect(g.stdouts, 'stdout (one of the recorded valid outputs)').toContain(got.stdout);
  }
  expect(got.exitCode, `exit status (stderr was:\n${got.stderr})`).toBe(g.exit);
  if (isCompileError(g)) {
    expect(compileErrorLines(got.stderr), 'compile errors').toEqual(compileErrorLines(g.stderr));
  } else if (isCrash(g)) {
    const want = comparableCrash(g.stderr);
    const have = comparableCrash(got.stderr);
    expect(have.head, 'crash message lines').toEqual(want.head);
    expect(have.goroutines.map((r) => r.header), 'goroutine headers').toEqual(want.goroutines.map((r) => r.header));
    expect(have.goroutines, 'goroutine frames (function and file:line)').toEqual(want.goroutines);
  } else {
    expect(got.stderr, 'stderr').toBe(g.stderr);
  }
}
