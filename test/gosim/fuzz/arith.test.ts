// Differential fuzz: seeded random programs full of integer arithmetic (every size, wrap-around,
// shifts past the width, conversions) and number formatting (Println, Printf verbs with flags and
// widths, float shortest formatting) are run by the real Go toolchain and by gosim, and every
// printed line must agree. Without Go 1.26 on PATH every seed fails and says so: a comparison
// that was never made is not a pass. FUZZ_SEEDS=1,2,3 picks seeds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRun } from '../../conformance/gosim-api.ts';
import { goEnv, goToolchainProblem } from '../../conformance/go-toolchain.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';

const goProblem = goToolchainProblem();
const seeds = (process.env.FUZZ_SEEDS ?? '1,2').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'gosim-fuzz-'));
writeFileSync(join(work, 'go.mod'), 'module fuzz\n\ngo 1.26\n');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface IntType {
  name: string;
  bits: number;
  signed: boolean;
}

const intTypes: IntType[] = [
  ...[8, 16, 32, 64].flatMap((bits) => [
    { name: `int${bits}`, bits, signed: true },
    { name: `uint${bits}`, bits, signed: false },
  ]),
  { name: 'int', bits: 64, signed: true },
  { name: 'uint', bits: 64, signed: false },
];

function generate(seed: number): { source: string; exprs: string[] } {
  const r = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const rand64 = (): bigint => (BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32));
  const value = (t: IntType): bigint => {
    // Mostly edge values, where wrap-around bugs live, and some uniform ones.
    const max = t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n;
    const min = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
    const edges = [min, max, 0n, 1n, min + 1n, max - 1n, t.signed ? -1n : 2n, 7n];
    if (r() < 0.4) return pick(edges);
    const span = max - min + 1n;
    return min + (rand64() % span);
  };
  const lines: string[] = [];
  const exprs: string[] = [];
  const out = (expr: string, decl: string[]): void => {
    exprs.push(expr);
    lines.push(`\t{\n${decl.map((d) => `\t\t${d}\n`).join('')}\t\tfmt.Println(${exprs.length - 1}, ${expr})\n\t}`);
  };
  const verbs = ['%d', '%x', '%X', '%o', '%O', '%b', '%v', '%5d', '%-6d|', '%+d', '%08d', '%#x', '%#o', '% d', '%.3d', '%U'];
  for (let i = 0; i < 90; i++) {
    const t = pick(intTypes);
    const a = value(t);
    let b = value(t);
    const decl = [`var a ${t.name} = ${a}`, `var b ${t.name} = ${b}`, `var s uint = ${Math.floor(r() * 70)}`, '_, _, _ = a, b, s'];
    const op = pick(['+', '-', '*', '/', '%', '&', '|', '^', '&^', '<<', '>>', 'neg', 'not', 'conv', 'printf', 'cmp']);
    if ((op === '/' || op === '%') && b === 0n) {
      b = 3n;
      decl[1] = `var b ${t.name} = 3`;
    }
    if (op === '<<' || op === '>>') out(`a ${op} s`, decl);
    else if (op === 'neg') out('-a', decl);
    else if (op === 'not') out('^a', decl);
    else if (op === 'conv') out(`${pick(intTypes).name}(a), float64(a)`, decl);
    else if (op === 'printf') out(`fmt.Sprintf("${pick(verbs)} ${pick(verbs)}", a, b)`, decl);
    else if (op === 'cmp') out('a < b, a == b, a >= b, min(a, b), max(a, b)', decl);
    else out(`a ${op} b`, decl);
  }
  const floatVerbs = ['%v', '%g', '%e', '%.3f', '%8.2f', '%G', '%.10g', '%-10.3e|', '%+.2f', '%x'];
  for (let i = 0; i < 40; i++) {
    const kind = pick(['bits', 'decimal', 'power']);
    let lit: string;
    if (kind === 'bits') {
      // A random finite float64 from random bits, written as JS's shortest round-trip
      // literal, which Go parses back to the same value.
      let bits = rand64();
      if (((bits >> 52n) & 0x7ffn) === 0x7ffn) bits ^= 1n << 62n;
      const view = new DataView(new ArrayBuffer(8));
      view.setBigUint64(0, bits);
      lit = `float64(${view.getFloat64(0)})`;
    } else if (kind === 'decimal') {
      lit = `${Math.floor(r() * 2e6) - 1e6} / 1000.0`;
    } else {
      lit = `math.Pow(10, ${Math.floor(r() * 44) - 22}) * ${(r() * 10).toFixed(3)}`;
    }
    const decl = [`f := ${lit}`];
    out(pick([
      'f',
      'float32(f)',
      `fmt.Sprintf("${pick(floatVerbs)}", f)`,
      `strconv.FormatFloat(f, 'f', -1, 64)`,
      `strconv.FormatFloat(f, 'e', 4, 32)`,
      'int64(f) == int64(f)',
    ]), decl);
  }
  const source = `package main

import (
\t"fmt"
\t"math"
\t"strconv"
)

var _ = math.Pi
var _ = strconv.Itoa

func main() {
${lines.join('\n')}
}
`;
  return { source, exprs };
}

describe('differential fuzz against real Go: integer arithmetic and number formatting', () => {
  for (const seed of seeds) {
    it(`seed ${seed}`, async () => {
      if (goProblem !== null) throw new Error(goProblem);
      const { source, exprs } = generate(seed);
      const file = `fuzz${seed}.go`;
      writeFileSync(join(work, file), source);
      const want = execFileSync('go', ['run', `./${file}`], { cwd: work, encoding: 'utf8', env: goEnv, timeout: 120_000 });
      const run = await loadRun();
      const got = run(source, { filename: file, seed: 1 });
      expect(got.stderr, 'gosim stderr').toBe('');
      const wantLines = want.split('\n');
      const gotLines = got.stdout.split('\n');
      const diffs: string[] = [];
      for (let i = 0; i < Math.max(wantLines.length, gotLines.length); i++) {
        if (wantLines[i] !== gotLines[i]) {
          const n = Number((wantLines[i] ?? gotLines[i] ?? '').split(' ')[0]);
          diffs.push(`${exprs[n] ?? '?'}\n    go:    ${wantLines[i]}\n    gosim: ${gotLines[i]}`);
        }
      }
      expect(diffs.slice(0, 10).join('\n'), `${diffs.length} differing lines (program kept as ${join(work, file)} until the run ends)`).toBe('');
    });
  }
});
