// Go features gosim deliberately does not model (user-defined generics: the simulator's
// scope is the concurrency course's Go). A learner who writes them must get a clear refusal
// that names each place, in the compiler's format and with the compile-error exit status,
// never a crash or a silently wrong run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../gosim/index.ts';

const dir = join(import.meta.dirname, 'out-of-scope');

describe('features outside gosim', () => {
  it('user-defined generics are refused, naming every generic declaration', () => {
    const source = readFileSync(join(dir, 'generics.go'), 'utf8');
    const r = run(source, { filename: 'generics.go' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('# command-line-arguments');
    expect(lines).toContain('./generics.go:5:6: generic type Pair is not supported by gosim (only the standard library\'s atomic.Pointer is)');
    expect(lines.some((l) => l.startsWith('./generics.go:10:9: generic function Map is not supported by gosim'))).toBe(true);
    expect(lines.some((l) => l.startsWith('./generics.go:22:9: generic function Sum is not supported by gosim'))).toBe(true);
  });
});
