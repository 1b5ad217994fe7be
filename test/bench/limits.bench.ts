// `npm run bench:limits`: how quickly gosim's limits act, measured rather than asserted (the
// tests check only that each limit ends the program with the right message). Prints a
// Markdown table; the targets are the ones the tests used to hold by wall clock.
import { performance } from 'node:perf_hooks';
import { run } from '../../gosim/index.ts';
import { parseFile } from '../../gosim/syntax/parser.ts';
import { seededRandom } from '../../gosim/runtime/random.ts';
import { corpus, mutate } from '../gosim/syntax/mutations.ts';
import { hugeMutexDeadlock as hugeDeadlock, rearmingTimer as rearm } from '../gosim/runtime/limit-programs.ts';

const fib = `package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() { fmt.Println(fib(90)) }
`;

function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function expectExit(source: string, options: Parameters<typeof run>[1], code: number): () => void {
  return () => {
    const r = run(source, options);
    if (r.exitCode !== code) throw new Error(`expected exit ${code}, got ${r.exitCode}: ${r.stderr.slice(0, 200)}`);
  };
}

const rows: [string, number, string][] = [];
const times = (f: () => void): number => median([timed(f), timed(f), timed(f)]);
rows.push(['plain recursion (fib(90)) stopped by maxWallMs 300', times(expectExit(fib, { maxWallMs: 300 }, 124)), 'under 5000']);
rows.push(['a timer re-arming itself stopped by maxWallMs 150', times(expectExit(rearm, { maxWallMs: 150 }, 124)), 'under 1500']);
rows.push(['deadlock of 20 000 goroutines, crash report written', times(expectExit(hugeDeadlock, {}, 2)), 'under 5000']);

const r = seededRandom(2);
let worst = 0;
const total = timed(() => {
  for (let i = 0; i < 1500; i++) {
    const src = mutate(corpus[i % corpus.length]!, r);
    worst = Math.max(worst, timed(() => parseFile(src)));
  }
});
rows.push(['parser: slowest of 1500 mutated programs', worst, 'under 250']);
rows.push(['parser: all 1500 mutated programs', total, 'under 20000']);

console.log(`gosim limits, ${new Date().toISOString().slice(0, 10)}, median of 3 where repeated`);
console.log('| measurement | ms | target ms |');
console.log('|---|---|---|');
for (const [what, ms, target] of rows) console.log(`| ${what} | ${Math.round(ms)} | ${target} |`);
