// The programs the gosim command runs to prime V8's code cache (gosim/cli/prime.ts) must run as
// written: one that stopped early with a compile error or an internal error would leave most of
// what it was meant to cover out of the cache, and nobody would notice.
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';
import { primingPrograms } from '../../../gosim/cli/prime.ts';

describe('cache-priming programs', () => {
  it('run to the end they are written for', () => {
    expect(primingPrograms.length).toBeGreaterThanOrEqual(3);
    for (const p of primingPrograms) {
      const r = run(p.source, { maxWallMs: 10_000 });
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toContain('timeout');
      expect(r.exitCode).toBe(p.exitCode);
      if (p.exitCode === 0) expect(r.stdout).toContain('context deadline exceeded');
      else expect(r.stderr).toMatch(/^(panic: runtime error|fatal error: all goroutines are asleep)/);
    }
  });
});
