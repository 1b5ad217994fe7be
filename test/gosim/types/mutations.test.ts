// The checker never throws: valid programs mutated at random (identifiers swapped, types
// changed, lines dropped or repeated) go through parseFile + checkFile, even when the parser
// hands back a partial tree, and every error still names a position in the file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../../gosim/syntax/parser.ts';
import { checkFile } from '../../../gosim/types/check.ts';
import { buildSource } from '../../../gosim/build/build.ts';
import { library } from '../../../gosim/build/library.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';

const here = dirname(fileURLToPath(import.meta.url));
const seeds = ['valid-concurrency-tour.go', 'valid-workers.go'].map((n) => readFileSync(join(here, 'errors', n), 'utf8'));

const typeNames = ['int', 'string', 'bool', 'float64', 'error', 'any', '[]int', 'map[string]int', 'chan int', '*int', 'struct{}', 'func()'];

function mutate(src: string, r: () => number): string {
  const lines = src.split('\n');
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const idents = [...new Set(src.match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? [])];
  switch (Math.floor(r() * 6)) {
    case 0: { // swap every occurrence of one identifier for another
      const a = pick(idents), b = pick(idents);
      return src.replace(new RegExp(`\\b${a}\\b`, 'g'), b);
    }
    case 1: { // change a type
      const t = pick(typeNames.slice(0, 5));
      return src.replace(new RegExp(`\\b${t}\\b`), pick(typeNames));
    }
    case 2: { // drop a line
      lines.splice(Math.floor(r() * lines.length), 1);
      return lines.join('\n');
    }
    case 3: { // repeat a line
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 4: { // replace one identifier occurrence with a literal or nil
      const i = Math.floor(r() * lines.length);
      lines[i] = lines[i]!.replace(/\b[a-z][A-Za-z0-9]*\b/, pick(['nil', '1', '"s"', '2.5', 'true', 'x']));
      return lines.join('\n');
    }
    default: { // delete a random span of characters
      const i = Math.floor(r() * src.length);
      return src.slice(0, i) + src.slice(i + 1 + Math.floor(r() * 12));
    }
  }
}

describe('mutated programs never crash the checker', () => {
  it('checks 120 mutants without throwing', () => {
    const r = seededRandom(20261127);
    for (let k = 0; k < 120; k++) {
      let src = seeds[k % seeds.length]!;
      const n = 1 + Math.floor(r() * 3);
      for (let j = 0; j < n; j++) src = mutate(src, r);
      const lineCount = src.split('\n').length;
      let lines: string[] = [];
      expect(() => { lines = buildSource(src, 'prog.go').lines; }, `mutant ${k}:\n${src}`).not.toThrow();
      // Even a tree the parser gave up on must not crash the checker.
      const { file } = parseFile(src, 'prog.go');
      expect(() => checkFile(file, { importer: library }), `mutant ${k} (partial tree)`).not.toThrow();
      for (const l of lines) {
        if (l.startsWith('runtime.main_main')) continue;
        // `prog.go:L:C:` without ./ is the go command's own (unknown import).
        const m = /^(?:\.\/)?prog\.go:(\d+):(\d+): ./.exec(l);
        expect(m, `mutant ${k}: ${l}`).not.toBeNull();
        expect(Number(m![1])).toBeLessThanOrEqual(lineCount + 1);
        expect(l).not.toContain('internal error');
      }
    }
  });
});
