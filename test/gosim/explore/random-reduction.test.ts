// Random programs against the reduction: goroutines built from a handful of visible operations
// (prints, unbuffered and buffered sends and receives, selects with and without default, a
// mutex, a close, an atomic), each explored with reduction and without (every interleaving).
// The outcome sets must be equal. The generator is seeded, so a failure names a program that
// fails again; hand-written programs found this way belong in reduction.test.ts.
import { describe, expect, it } from 'vitest';
import { explore } from '../../../gosim/index.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';

const OPS: ((r: () => number) => string)[] = [
  (r) => `fmt.Print("${'abc'[Math.floor(r() * 3)]}")`,
  () => 'ch <- 1',
  () => '<-ch',
  () => 'select { case ch <- 2: fmt.Print("s"); default: fmt.Print("d") }',
  () => 'select { case v := <-ch: fmt.Print(v); case <-done: fmt.Print("x") }',
  () => 'mu.Lock(); n++; fmt.Print(n); mu.Unlock()',
  () => 'bf <- 3',
  () => 'select { case v := <-bf: fmt.Print(v); default: fmt.Print("e") }',
  () => 'closeOnce.Do(func() { close(done) })',
  () => 'if atomic.AddInt32(&a, 1) == 2 { fmt.Print("A") }',
];

function program(seed: number): string {
  const r = seededRandom(seed);
  const pick = () => OPS[Math.floor(r() * OPS.length)]!(r);
  let body = '';
  const goroutines = 2 + Math.floor(r() * 2);
  for (let g = 0; g < goroutines; g++) {
    const lines: string[] = [];
    for (let i = 1 + Math.floor(r() * 2); i > 0; i--) lines.push(`\t\t${pick()}`);
    body += `\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n${lines.join('\n')}\n\t}()\n`;
  }
  if (r() < 0.5) body += `\t${pick()}\n`;
  return `package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	ch := make(chan int)
	bf := make(chan int, 1)
	done := make(chan bool)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var closeOnce sync.Once
	var a int32
	n := 0
	_, _, _, _, _, _, _ = ch, bf, done, &mu, &closeOnce, &a, &n
	_ = atomic.AddInt32
${body}	wg.Wait()
	fmt.Println()
}
`;
}

const key = (o: { stdout: string; exitCode: number; crash: string | null; stderr: string }) => JSON.stringify([o.stdout, o.exitCode, o.crash, o.stderr]);

/** Only a hung search runs this long; every search here is capped by runs. */
const MAX_MS = 50_000;

/**
 * The programs (by seed) whose search without reduction finishes within its 15 000 runs, so
 * that the two outcome sets can be compared whole. Runs, not time, decide it, so the list is the
 * same on every machine; the others need up to 80 000 runs and more.
 */
const FULL_SEARCH_FINISHES = new Set([5, 6, 8, 10, 11, 12, 17, 18, 20, 21, 23]);

describe('explore: reduction against every interleaving, on generated programs', () => {
  for (let seed = 1; seed <= 24; seed++) {
    it(`program ${seed}${FULL_SEARCH_FINISHES.has(seed) ? ', compared in full' : ''}`, () => {
      const src = program(seed * 7919);
      const reduced = explore(src, { budget: 20_000, maxMs: MAX_MS });
      expect(reduced.buildErrors).toBeNull();
      expect(reduced.exhaustive).toBe(true);
      const full = explore(src, { budget: 15_000, maxMs: MAX_MS, reduce: false });
      const mine = new Set(reduced.outcomes.map(key));
      // Whatever the unreduced search reached, finished or not, the reduced one must have found.
      for (const o of full.outcomes) expect(mine.has(key(o)), `${key(o)} missing from the reduced search of:\n${src}`).toBe(true);
      expect(full.exhaustive, 'the unreduced search finishes within its runs exactly for FULL_SEARCH_FINISHES').toBe(FULL_SEARCH_FINISHES.has(seed));
      if (FULL_SEARCH_FINISHES.has(seed)) {
        expect(reduced.outcomes.map(key).sort()).toEqual(full.outcomes.map(key).sort());
        expect(reduced.runs).toBeLessThanOrEqual(full.runs);
      } else {
        expect(full.stoppedBy).toBe('budget');
      }
    });
  }
  it('compares most programs in full', () => {
    expect(FULL_SEARCH_FINISHES.size).toBeGreaterThanOrEqual(10);
  });
});
