// Whole programs through gosim's run(), compared with what the real Go binary printed
// (programs/regen.sh records NAME.out and NAME.err next to each NAME.go).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../../../gosim/index.ts';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith('.go'));

describe('library programs against real Go', () => {
  for (const f of programs) {
    it(f, () => {
      const name = f.slice(0, -3);
      const r = run(readFileSync(dir + f, 'utf8'), { filename: 'main.go' });
      expect(r.stderr).toBe(readFileSync(dir + name + '.err', 'utf8'));
      expect(r.stdout).toBe(readFileSync(dir + name + '.out', 'utf8'));
      expect(r.exitCode).toBe(0);
    });
  }
});
