// Compile errors as the real toolchain prints them: every program in errors/ is checked and
// its lines compared with those recorded from `go build` (record-errors.ts regenerates them).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSource } from '../../../gosim/build/build.ts';

const here = dirname(fileURLToPath(import.meta.url));
const golden = JSON.parse(readFileSync(join(here, 'errors.golden.json'), 'utf8')) as Record<string, string[]>;

describe('compile errors match go build', () => {
  for (const [name, want] of Object.entries(golden)) {
    it(name, () => {
      const src = readFileSync(join(here, 'errors', name), 'utf8');
      const r = buildSource(src, 'prog.go');
      expect(r.lines).toEqual(want);
      expect(r.header).toBe(!name.startsWith('unknown-import'));
    });
  }
});
