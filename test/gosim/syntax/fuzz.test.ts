// Property test: whatever bytes a learner's editor holds, parseFile returns (never throws,
// never hangs) and every error points at a real place in the source.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../../gosim/parser.ts';
import { walk } from '../../../gosim/astwalk.ts';
import { seededRandom } from '../../../gosim/random.ts';

const VOCAB = [
  'package', 'main', 'import', '"fmt"', 'func', 'main', '(', ')', '{', '}', '[', ']', ',', ';', ':', '.', '...',
  '\n', '\n', '\n', ' ', '\t', 'x', 'y', 'ch', 'T', 'int', 'string', 'chan', '<-', 'chan<-', 'map', 'struct',
  'interface', 'go', 'defer', 'select', 'case', 'default', 'switch', 'for', 'range', 'if', 'else', 'return',
  'break', 'continue', 'goto', 'fallthrough', 'var', 'const', 'type', ':=', '=', '+=', '++', '--', '+', '-', '*',
  '&', '|', '^', '!', '~', '==', '&&', '||', '<', '>=', '1', '0x1F', '1.5e3', '2i', "'a'", "'\\n'", '"s"', '`raw`',
  '/* c */', '// c\n', '.(type)', 'iota', 'nil', 'L:', 'é', '世界', '"\\x', "'", '`', '"', '/*',
];

const validDir = join(import.meta.dirname, 'testdata', 'valid');
const corpus = readdirSync(validDir)
  .filter((f) => f.endsWith('.go'))
  .map((f) => readFileSync(join(validDir, f), 'utf8'));

function tokenSoup(r: () => number): string {
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

function mutate(src: string, r: () => number): string {
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

/** UTF-8 byte offset of each line start, to check that (line, col) and offset agree. */
function lineStarts(src: string): number[] {
  const starts = [0];
  let b = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      b += 4;
      i++;
      continue;
    }
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (c === 10) starts.push(b);
  }
  starts.push(b); // total length, as a sentinel
  return starts;
}

function check(src: string): void {
  let result;
  try {
    result = parseFile(src);
  } catch (e) {
    throw new Error(`parseFile threw on ${JSON.stringify(src)}: ${String(e)}`);
  }
  const starts = lineStarts(src);
  const total = starts[starts.length - 1]!;
  const lines = starts.length - 1;
  // plain checks: expect() per node would dominate the run time
  const fail = (what: string): never => {
    throw new Error(`${what} for ${JSON.stringify(src)}`);
  };
  for (const e of result.errors) {
    const p = e.pos;
    if (/internal error/.test(e.message)) fail(e.message);
    if (!(p.line >= 1 && p.line <= lines && p.col >= 1 && p.offset >= 0 && p.offset <= total)) fail(`bad position ${JSON.stringify(e)}`);
    // (after "..\n" Go itself counts one line too many, and gosim copies that)
    if (!src.includes('..\n') && starts[p.line - 1]! + p.col - 1 !== p.offset) fail(`line:col disagrees with offset in ${JSON.stringify(e)}`);
  }
  if (result.errors.length > 11) fail(`${result.errors.length} errors`);
  const ids = new Set<number>();
  walk(result.file, (n) => {
    if (ids.has(n.id)) fail(`duplicate node id ${n.id}`);
    ids.add(n.id);
  });
}

describe('parseFile on random input', () => {
  it('survives token soups', () => {
    const r = seededRandom(1);
    for (let i = 0; i < 1500; i++) check(tokenSoup(r));
  });

  it('survives mutations of valid programs', () => {
    const r = seededRandom(2);
    const t0 = Date.now();
    let worst = 0;
    for (let i = 0; i < 1500; i++) {
      const src = mutate(corpus[i % corpus.length]!, r);
      const s = Date.now();
      check(src);
      worst = Math.max(worst, Date.now() - s);
    }
    expect(worst).toBeLessThan(250);
    expect(Date.now() - t0).toBeLessThan(20000);
  });

  it('accepts the valid corpus without errors', () => {
    for (const src of corpus) expect(parseFile(src).errors).toEqual([]);
  });
});
