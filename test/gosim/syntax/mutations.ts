// Random inputs for the parser: token soups and learner-like mutations of the valid corpus
// (testdata/valid). Shared by fuzz.test.ts (the parser survives them) and bench:limits (how
// long the worst of them takes).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const VOCAB = [
  'package', 'main', 'import', '"fmt"', 'func', 'main', '(', ')', '{', '}', '[', ']', ',', ';', ':', '.', '...',
  '\n', '\n', '\n', ' ', '\t', 'x', 'y', 'ch', 'T', 'int', 'string', 'chan', '<-', 'chan<-', 'map', 'struct',
  'interface', 'go', 'defer', 'select', 'case', 'default', 'switch', 'for', 'range', 'if', 'else', 'return',
  'break', 'continue', 'goto', 'fallthrough', 'var', 'const', 'type', ':=', '=', '+=', '++', '--', '+', '-', '*',
  '&', '|', '^', '!', '~', '==', '&&', '||', '<', '>=', '1', '0x1F', '1.5e3', '2i', "'a'", "'\\n'", '"s"', '`raw`',
  '/* c */', '// c\n', '.(type)', 'iota', 'nil', 'L:', 'é', '世界', '"\\x', "'", '`', '"', '/*',
];

const validDir = join(import.meta.dirname, 'testdata', 'valid');
export const corpus = readdirSync(validDir)
  .filter((f) => f.endsWith('.go'))
  .map((f) => readFileSync(join(validDir, f), 'utf8'));

export function tokenSoup(r: () => number): string {
  const n = 1 + Math.floor(r() * 80);
  let s = r() < 0.5 ? 'package main\n' : '';
  for (let i = 0; i < n; i++) {
    s += VOCAB[Math.floor(r() * VOCAB.length)];
    if (r() < 0.6) s += ' ';
  }
  return s;
}

/** Split roughly at token boundaries so mutations look like a learner's typos. */
function pieces(src: string): string[] {
  return src.match(/\s+|[\p{L}_][\p{L}\p{N}_]*|\d[\w.]*|"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*|[^\s]/gu) ?? [];
}

export function mutate(src: string, r: () => number): string {
  let p = pieces(src);
  const rounds = 1 + Math.floor(r() * 4);
  for (let k = 0; k < rounds; k++) {
    const i = Math.floor(r() * p.length);
    const j = Math.floor(r() * p.length);
    switch (Math.floor(r() * 6)) {
      case 0: p.splice(i, 1); break; // delete
      case 1: p.splice(i, 0, p[i] ?? ''); break; // duplicate
      case 2: [p[i], p[j]] = [p[j] ?? '', p[i] ?? '']; break; // swap
      case 3: p = p.slice(0, i); break; // truncate
      case 4: { // random bytes, including control characters and lone surrogates
        let junk = '';
        for (let b = 0; b < 1 + r() * 4; b++) junk += String.fromCharCode(Math.floor(r() * (r() < 0.8 ? 128 : 0xe000)));
        p.splice(i, 0, junk);
        break;
      }
      case 5: p.splice(i, 0, VOCAB[Math.floor(r() * VOCAB.length)]!); break;
    }
  }
  return p.join('');
}
