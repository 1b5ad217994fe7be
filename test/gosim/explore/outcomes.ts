// Helpers of the explore tests: outcomes as short comparable strings, and the expected outputs
// of goroutines that print without synchronization.
import type { ExploreOutcome, ExploreResult } from '../../../gosim/index.ts';

/** What tells two outcomes apart, as one readable string: exit status, crash line, stderr, stdout. */
export function describeOutcome(o: Pick<ExploreOutcome, 'exitCode' | 'crash' | 'stderr' | 'stdout'>): string {
  let s = `exit ${o.exitCode}`;
  if (o.crash !== null) s += ` [${o.crash}]`;
  if (o.stderr !== '') s += ` stderr=${JSON.stringify(o.stderr)}`;
  return `${s} stdout=${JSON.stringify(o.stdout)}`;
}

/** The outcomes of an exploration as a sorted list of describeOutcome strings. */
export function outcomeSet(r: ExploreResult): string[] {
  return r.outcomes.map(describeOutcome).sort();
}

/** An outcome of a program that ended by itself with status 0. */
export function ok(stdout: string): string {
  return describeOutcome({ exitCode: 0, crash: null, stderr: '', stdout });
}

/** An outcome of a program that crashed (exit 2) with the given first line of Go's report. */
export function crashed(stdout: string, crash: string): string {
  return describeOutcome({ exitCode: 2, crash, stderr: '', stdout });
}

export const DEADLOCK = 'fatal error: all goroutines are asleep - deadlock!';

/** Sorted, without repeats. */
export function sorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

/** Every merge of the sequences that keeps each one's own order (each element one line of output). */
export function interleavings(seqs: string[][]): string[] {
  const out: string[] = [];
  const pos = seqs.map(() => 0);
  const acc: string[] = [];
  const walk = (): void => {
    let any = false;
    for (let i = 0; i < seqs.length; i++) {
      if (pos[i]! >= seqs[i]!.length) continue;
      any = true;
      acc.push(seqs[i]![pos[i]!]!);
      pos[i]!++;
      walk();
      pos[i]!--;
      acc.pop();
    }
    if (!any) out.push(acc.join(''));
  };
  walk();
  return out;
}

/** The lines `unsyncPrinters(n, k)` prints for goroutine id. */
export function printerLines(id: number, k: number): string[] {
  return Array.from({ length: k }, (_, j) => `g${id} step${j}\n`);
}
