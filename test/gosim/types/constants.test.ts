// Constant arithmetic seen from a running program: untyped float constants are exact until they
// take a type, so the printed results match the real toolchain's (outputs recorded from go1.26
// with `go build` and running the binary).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../../gosim/index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'programs');

describe('constant folding at run time', () => {
  it('prints exactly what go prints for float constant expressions', () => {
    const src = readFileSync(join(dir, 'float_constants.go'), 'utf8');
    const r = run(src, { filename: 'float_constants.go' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(dir, 'float_constants.out'), 'utf8'));
  });
});
