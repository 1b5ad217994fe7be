// The program the gosim command runs to prime V8's code cache (gosim/cli/prime.ts) must run as
// written: one that stopped early with a compile error or an internal error would leave most of
// what it was meant to cover out of the cache, and nobody would notice.
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';
import { primingProgram } from '../../../gosim/cli/prime.ts';

describe('cache-priming program', () => {
  it('runs to its end', () => {
    const r = run(primingProgram, { maxWallMs: 10_000 });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('50 true map[k0:2 k1:2] 0 false\n4 [] done {x:1 y:2}\n');
  });
});
