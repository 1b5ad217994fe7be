// gosim against real Go: every program under programs/ is run through gosim's public run()
// and compared with what the binary built by `go build` did (scripts/record-goldens.sh).
// Stdout and exit status must match exactly; crash reports must match in every line a reader
// uses (see crash-output.ts for the few run-to-run values that are masked); compile errors
// must match go build's report line for line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameAsGo } from './compare.ts';
import { loadGoldens, type Golden } from './goldens.ts';
import { loadRun, type RunFn, type RunResult } from './gosim-api.ts';

const goldens = loadGoldens();
const areas = [...new Set(goldens.map((g) => g.area))].sort();
const passed = new Set<string>();
let run: RunFn | null = null;
let loadError: unknown = null;

beforeAll(async () => {
  try {
    run = await loadRun();
  } catch (err) {
    loadError = err;
  }
});

afterAll(() => {
  const byArea = areas.map((a) => {
    const all = goldens.filter((g) => g.area === a);
    return `${a} ${all.filter((g) => passed.has(g.id)).length}/${all.length}`;
  });
  console.log(`conformance: ${passed.size}/${goldens.length} programs match real Go (${byArea.join(', ')})`);
});

function runProgram(g: Golden): RunResult {
  if (run === null) throw new Error(`gosim could not be loaded: ${String(loadError)}`);
  return run(g.source, { filename: g.filename, seed: 1, maxWallMs: 10_000 });
}

// Programs gosim does not match yet, each with the reason, kept visible instead of deleted:
// they are expected to fail, and the suite fails as soon as one starts passing, so the list
// can only shrink.
const knownFailures = new Map(
  readFileSync(join(import.meta.dirname, 'known-failures.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [id, ...why] = l.trim().split(/\s+/);
      return [id!, why.join(' ')] as const;
    }),
);

for (const area of areas) {
  describe(area, () => {
    for (const g of goldens.filter((x) => x.area === area)) {
      const why = knownFailures.get(`${area}/${g.filename}`);
      if (why !== undefined) {
        it.fails(`${g.filename} (known gap: ${why})`, () => expectSameAsGo(g, runProgram(g)));
        continue;
      }
      it(g.filename, () => {
        expectSameAsGo(g, runProgram(g));
        passed.add(g.id);
      });
    }
  });
}

it('lists only programs that exist as known failures', () => {
  const ids = new Set(goldens.map((g) => `${g.area}/${g.filename}`));
  expect([...knownFailures.keys()].filter((id) => !ids.has(id))).toEqual([]);
});
