// 64-bit integer arithmetic on numbers and bigints (runtime/ops.ts): values in the safe integer
// range are numbers, the rest bigints, and results wrap as Go's do. Checked against BigInt
// arithmetic around the edges where a float result stops being exact.
import { describe, expect, it } from 'vitest';
import { intBinary } from '../../../gosim/runtime/ops.ts';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const edges = [0n, 1n, 2n, 3n, SAFE - 1n, SAFE, SAFE + 1n, SAFE + 2n, 1n << 62n, (1n << 63n) - 1n, 94906265n, 94906267n];

function asValue(x: bigint): number | bigint {
  return x >= -SAFE && x <= SAFE ? Number(x) : x;
}

describe('64-bit integer arithmetic', () => {
  for (const [kind, bits, signed] of [['int64', 64, true], ['uint64', 64, false]] as const) {
    const wrap = (x: bigint) => (signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x));
    const values = signed ? edges.flatMap((e) => [e, -e, -(1n << 63n)]) : edges.concat([(1n << 64n) - 1n, 1n << 63n]);
    for (const [op, ref] of [['+', (a: bigint, b: bigint) => a + b], ['-', (a: bigint, b: bigint) => a - b], ['*', (a: bigint, b: bigint) => a * b]] as const) {
      it(`${kind} ${op} agrees with BigInt at the edges of the safe range`, () => {
        const f = intBinary(op, kind);
        for (const a of values) {
          for (const b of values) {
            const got = f(asValue(wrap(a)), asValue(wrap(b)));
            const want = asValue(wrap(ref(wrap(a), wrap(b))));
            expect(got, `${a} ${op} ${b}`).toBe(want);
          }
        }
      });
    }
  }
});
