// gosim's fmt against real Go's output for the same (format, operands) table, recorded by
// golden/fmtcases/main.go (regenerate with golden/regen.sh).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sprint, sprintf, sprintln } from '../../../gosim/lib/fmt.ts';
import { fmtFixtures } from './fmt-values.ts';
import { fromHex, run } from './harness.ts';

interface Rec { f: string; a: string; out: string }
const golden: Rec[] = JSON.parse(readFileSync(fileURLToPath(new URL('./golden/fmtcases.json', import.meta.url)), 'utf8'));

describe('fmt against real Go', () => {
  const { ctx, values, calls, printCases } = fmtFixtures();
  const failures: string[] = [];
  let checked = 0;
  for (const r of golden) {
    let got: string;
    try {
      if (r.f === 'Sprint' || r.f === 'Sprintln') {
        const args = printCases[Number(r.a.slice(5))];
        got = run<string>(r.f === 'Sprint' ? sprint(ctx, args) : sprintln(ctx, args));
      } else if (r.a.startsWith('call')) {
        got = run<string>(sprintf(ctx, r.f, calls[Number(r.a.slice(4))]));
      } else {
        if (!(r.a in values)) throw new Error('no fixture ' + r.a);
        got = run<string>(sprintf(ctx, r.f, [values[r.a]]));
      }
    } catch (e) {
      got = 'THREW ' + String(e);
    }
    checked++;
    const want = fromHex(r.out);
    if (got !== want) failures.push(`${JSON.stringify(r.f)} of ${r.a}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  }
  it(`matches every recorded case`, () => {
    expect(checked).toBeGreaterThan(3000);
    expect(failures.slice(0, 60)).toEqual([]);
  });
});
