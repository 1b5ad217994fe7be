// Property, WaitGroups: on generated programs where Add, Done, Add(-1), Add(2) and Wait race with
// each other (inside goroutines too, the learner's classic mistake), with prints, a channel, a
// mutex, a Once and a second WaitGroup around them, the reduced search finds exactly the
// outcomes of the unreduced one. A review generating such programs found outcomes the reduced
// search lost (only the latest race of a turn reversed; a Wait able to go made to wait again by
// an Add from zero, recorded nowhere); these seeds keep them found. Capped by runs, never time:
// programs whose unreduced search does not finish within FULL_RUNS are not compared.
import { describe, expect, it } from 'vitest';
import { explore } from '../../../gosim/index.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';

const PROGRAMS = 80;
const FULL_RUNS = 4000;

function draw(seed: number): string {
  const r = seededRandom(seed);
  const n = (k: number) => Math.floor(r() * k);
  const useCh = r() < 0.5, useMu = r() < 0.3, useOnce = r() < 0.3, useWg2 = r() < 0.2;
  const ops = (who: string, count: number): string[] => {
    const table: [number, (i: number) => string][] = [
      [3, () => 'wg.Add(1)'], [4, () => 'wg.Done()'], [1, () => 'wg.Add(2)'], [1, () => 'wg.Add(-1)'],
      [2, () => 'wg.Wait()'], [3, (i) => `fmt.Println("${who}${i}")`],
    ];
    if (useCh) table.push([2, () => 'ch <- 1'], [2, () => '<-ch']);
    if (useMu) table.push([2, () => 'mu.Lock(); mu.Unlock()']);
    if (useOnce) table.push([1, () => 'once.Do(func() {})']);
    if (useWg2) table.push([1, () => 'wg2.Done()'], [1, () => 'wg2.Wait()']);
    const total = table.reduce((s, [w]) => s + w, 0);
    return Array.from({ length: count }, (_, i) => {
      let x = r() * total;
      for (const [w, f] of table) { if (x < w) return f(i); x -= w; }
      return table[0]![1](i);
    });
  };
  let body = `\tvar wg, wg2 sync.WaitGroup\n\tvar mu sync.Mutex\n\tvar once sync.Once\n\tch := make(chan int, ${[0, 0, 1][n(3)]})\n\t_, _, _, _ = &mu, &once, &wg2, ch\n`;
  if (useWg2) body += '\twg2.Add(1)\n';
  const start = [0, 1, 1, 2, 2, 3][n(6)]!;
  if (start > 0) body += `\twg.Add(${start})\n`;
  for (let g = 2 + n(2); g > 0; g--) body += `\tgo func() {\n${ops(`g${g}.`, 1 + n(3)).map((o) => `\t\t${o}\n`).join('')}\t}()\n`;
  body += ops('m.', n(2)).map((o) => `\t${o}\n`).join('');
  if (r() < 0.85) body += '\twg.Wait()\n';
  return `package main\n\nimport (\n\t"fmt"\n\t"sync"\n)\n\nfunc main() {\n${body}\tfmt.Println("end")\n}\n`;
}

const outcomes = (r: ReturnType<typeof explore>): string[] =>
  [...new Set(r.outcomes.map((o) => JSON.stringify([o.stdout, o.exitCode, o.crash])))].sort();

describe('explore with WaitGroups racing: the reduced search finds every outcome', () => {
  it(`on ${PROGRAMS} generated programs`, () => {
    let compared = 0;
    for (let seed = 1; seed <= PROGRAMS; seed++) {
      const src = draw(seed * 7919);
      const full = explore(src, { reduce: false, budget: FULL_RUNS, maxMs: 60_000 });
      expect(full.buildErrors, src).toBeNull();
      if (!full.exhaustive) continue;
      compared++;
      const reduced = explore(src, { budget: FULL_RUNS, maxMs: 60_000 });
      expect({ exhaustive: reduced.exhaustive, outcomes: outcomes(reduced) }, `seed ${seed}:\n${src}`)
        .toEqual({ exhaustive: true, outcomes: outcomes(full) });
    }
    // Most programs are small enough for the unreduced search; the property is tested on those.
    expect(compared).toBeGreaterThanOrEqual(PROGRAMS / 2);
  }, 600_000);
});
