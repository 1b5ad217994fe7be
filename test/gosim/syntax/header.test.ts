// The go command checks the package clause and imports itself before compiling, and reports
// the first problem there in go/parser's words, as `prog.go:L:C: msg` (no "./", no
// "# command-line-arguments" header). testdata/header/NAME.want holds what `go build` printed.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../../gosim/syntax/parser.ts';

const dir = join(import.meta.dirname, 'testdata', 'header');
const cases = readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3)).sort();

describe('package clause and import errors match the go command', () => {
  for (const name of cases) {
    it(name, () => {
      const r = parseFile(readFileSync(join(dir, name + '.go'), 'utf8'));
      const want = readFileSync(join(dir, name + '.want'), 'utf8').split('\n').filter((l) => l !== '');
      const prefix = r.stage === 'load' ? 'prog.go' : './prog.go';
      expect(r.errors.map((e) => `${prefix}:${e.pos.line}:${e.pos.col}: ${e.message}`)).toEqual(want);
      if (want.length > 0) expect(r.stage).toBe(want[0]!.startsWith('./') ? 'compile' : 'load');
    });
  }
});
