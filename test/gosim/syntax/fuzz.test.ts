// Property test: whatever bytes a learner's editor holds, parseFile returns (never throws,
// never hangs) and every error points at a real place in the source.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../gosim/syntax/parser.ts';
import { walk } from '../../../gosim/syntax/walk.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';
import { corpus, mutate, tokenSoup } from './mutations.ts';

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
    // How long the worst of them takes to parse is measured by `npm run bench:limits`.
    const r = seededRandom(2);
    for (let i = 0; i < 1500; i++) check(mutate(corpus[i % corpus.length]!, r));
  });

  it('accepts the valid corpus without errors', () => {
    for (const src of corpus) expect(parseFile(src).errors).toEqual([]);
  });
});
