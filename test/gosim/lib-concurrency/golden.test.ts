// Every golden program through gosim's run(): stdout byte for byte, the first line of stderr and
// the exit status, as recorded from binaries built by the real Go toolchain (golden/regen.sh).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';

const dir = new URL('./golden/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const programs = readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3));

describe('golden programs', () => {
  for (const name of programs) {
    it(name, () => {
      const r = run(read(`${name}.go`), { filename: `${name}.go` });
      const [firstErr, status] = read(`${name}.err`).split('\n');
      const want = status === undefined || status === '' ? { err: '', status: firstErr } : { err: firstErr, status };
      expect(r.stdout).toBe(read(`${name}.out`));
      expect(r.stderr.split('\n')[0]).toBe(want.err);
      expect(`exit ${r.exitCode}`).toBe(want.status);
    });
  }
});
