// Syntax errors a learner makes, each checked against what `go build` (Go 1.26) printed for the
// same file: testdata/errors/NAME.go with the real compiler's output in NAME.want.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../../gosim/syntax/parser.ts';

const dir = join(import.meta.dirname, 'testdata', 'errors');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.go'))
  .map((f) => f.slice(0, -3))
  .sort();

function format(src: string): string[] {
  const { errors } = parseFile(src, 'prog.go');
  return errors.map((e) => `./prog.go:${e.pos.line}:${e.pos.col}: ${e.message}`);
}

describe('syntax errors match go build', () => {
  it('has recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
  for (const name of cases) {
    it(name, () => {
      const src = readFileSync(join(dir, name + '.go'), 'utf8');
      const want = readFileSync(join(dir, name + '.want'), 'utf8').split('\n').filter((l) => l !== '');
      expect(format(src)).toEqual(want);
    });
  }
});

describe('error limits', () => {
  it('stops after ten errors with "too many errors" at the tenth, like the compiler', () => {
    let src = 'package main\n\n';
    for (let i = 0; i < 12; i++) src += `func f${i}() {\n\tx := [3]int{1, 2 3}\n}\n`;
    const got = format(src);
    expect(got).toHaveLength(11);
    expect(got[0]).toBe('./prog.go:4:19: syntax error: unexpected literal 3 in composite literal; possibly missing comma or }');
    expect(got[9]).toBe('./prog.go:31:19: syntax error: unexpected literal 3 in composite literal; possibly missing comma or }');
    expect(got[10]).toBe('./prog.go:31:19: too many errors');
  });

  it('reports only the first syntax error on a line', () => {
    const got = format('package main\n\nfunc main() {\n\tx := ) + ) + )\n}\n');
    expect(got.filter((l) => l.startsWith('./prog.go:4:'))).toHaveLength(1);
  });

  it('a missing package clause is reported in go/parser words', () => {
    expect(format('func main() {}\n')).toEqual(["./prog.go:1:1: expected 'package', found 'func'"]);
  });
});
