// Every golden program through gosim's run(), held to what a binary built by real Go did: stdout
// byte for byte, the exit status, and the whole crash report with the conformance corpus's
// masking of what varies between runs (test/conformance/compare.ts).
//
// The goldens (NAME.stdout, NAME.stderr, NAME.exit beside NAME.go) are recorded in a temporary
// `go 1.26` module, as the playground runs programs (faketime, one P), by
//   scripts/record-goldens.sh --playground test/gosim/lib-concurrency/golden
// The programs print how long their sleeps took; virtual time makes that exact in Go too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';
import { expectSameAsGo } from '../../conformance/compare.ts';
import { GOLDEN_GO_RELEASE, releaseOf } from '../../conformance/go-toolchain.ts';
import { loadGoldenDir } from '../../conformance/goldens.ts';

const dir = fileURLToPath(new URL('./golden/', import.meta.url));
const goldens = loadGoldenDir(dir, 'lib-concurrency');

describe('golden programs', () => {
  it(`were recorded by ${GOLDEN_GO_RELEASE}`, () => {
    expect(releaseOf(readFileSync(`${dir}GO_VERSION`, 'utf8'))).toBe(GOLDEN_GO_RELEASE);
    expect(goldens.length).toBeGreaterThanOrEqual(20);
  });

  for (const g of goldens) {
    it(g.id, () => expectSameAsGo(g, run(g.source, { filename: g.filename })));
  }
});
