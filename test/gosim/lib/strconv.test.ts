// gosim's strconv against results recorded from real Go (golden/strconvcases/main.go).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pkg } from '../../../gosim/lib/strconv.ts';
import { canBackquote, isPrint, quoteRuneToASCII, quoteToASCII } from '../../../gosim/lib/fmt/quote.ts';
import type { Iface } from '../../../gosim/runtime/values.ts';
import { sprint } from '../../../gosim/lib/fmt.ts';
import { fmtFixtures } from './fmt-values.ts';
import { T, call, fromHex, named, run, struct } from './harness.ts';

interface Rec { fn: string; in: string[]; out: string }
const golden: Rec[] = JSON.parse(readFileSync(fileURLToPath(new URL('./golden/strconvcases.json', import.meta.url)), 'utf8'));

function bitsToFloat(h: string): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt('0x' + h));
  return dv.getFloat64(0);
}

describe('strconv against real Go', () => {
  const { ctx, types } = fmtFixtures();
  ctx.defineType('strconv.NumError', named('strconv', 'NumError', struct([['Func', T.string], ['Num', T.string], ['Err', types.error]])));
  ctx.defineType('string', T.string);
  const numErr = ctx.typeOf('strconv.NumError');
  if (numErr.tag === 'Named') {
    ctx.addMethod(numErr, 'Error', true, function* (c, p) { return yield* (pkg.natives['strconv.NumError.Error'](c, p) as Generator<unknown, string, unknown>); });
  }
  const show = (v: Iface): string => run<string>(sprint(ctx, [v]));
  const res = (v: Iface, err: Iface | null): string => show(v) + '|' + (err === null ? '' : show(err));
  const failures: string[] = [];
  for (const r of golden) {
    const s0 = r.in[0] ? fromHex(r.in[0]) : '';
    let got: string;
    switch (r.fn) {
      case 'Atoi': {
        const [v, e] = call<[number, Iface | null]>(pkg, 'strconv.Atoi', ctx, s0);
        got = res({ t: T.int, v }, e);
        break;
      }
      case 'ParseInt': case 'ParseUint': {
        const [v, e] = call<[number, Iface | null]>(pkg, 'strconv.' + r.fn, ctx, s0, Number(r.in[1]), Number(r.in[2]));
        got = res({ t: r.fn === 'ParseInt' ? T.int64 : T.uint64, v }, e);
        break;
      }
      case 'ParseFloat': {
        const bits = Number(r.in[1]);
        const [v, e] = call<[number, Iface | null]>(pkg, 'strconv.ParseFloat', ctx, s0, bits);
        got = call<string>(pkg, 'strconv.FormatFloat', ctx, v, 'g'.charCodeAt(0), -1, bits) + '|' + (e === null ? '' : show(e));
        break;
      }
      case 'ParseBool': {
        const [v, e] = call<[boolean, Iface | null]>(pkg, 'strconv.ParseBool', ctx, s0);
        got = res({ t: T.bool, v }, e);
        break;
      }
      case 'FormatFloat':
        got = call<string>(pkg, 'strconv.FormatFloat', ctx, bitsToFloat(r.in[0]), r.in[1].charCodeAt(0), Number(r.in[2]), Number(r.in[3]));
        break;
      case 'FormatInt': {
        const n = BigInt(r.in[0]);
        const v = n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
        got = call<string>(pkg, 'strconv.FormatInt', ctx, v, Number(r.in[1]));
        break;
      }
      case 'Itoa': {
        const n = BigInt(r.in[0]);
        const v = n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
        got = call<string>(pkg, 'strconv.Itoa', ctx, v);
        break;
      }
      case 'Quote': got = call<string>(pkg, 'strconv.Quote', ctx, s0); break;
      case 'QuoteToASCII': got = quoteToASCII(s0); break;
      case 'CanBackquote': got = String(canBackquote(s0)); break;
      case 'QuoteRune': got = call<string>(pkg, 'strconv.QuoteRune', ctx, Number(r.in[0])); break;
      case 'QuoteRuneToASCII': got = quoteRuneToASCII(Number(r.in[0])); break;
      case 'IsPrint': got = String(isPrint(Number(r.in[0]))); break;
      case 'Unquote': {
        const [v, e] = call<[string, Iface | null]>(pkg, 'strconv.Unquote', ctx, s0);
        got = res({ t: T.string, v: Array.from(v, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('') }, e);
        break;
      }
      default: throw new Error('unknown fn ' + r.fn);
    }
    const want = fromHex(r.out);
    if (got !== want) failures.push(`${r.fn}(${r.in.map((x, i) => (i === 0 && !/^[0-9a-f]{16}$/.test(x) && r.fn !== 'FormatInt' && r.fn !== 'Itoa' && !r.fn.startsWith('QuoteRune') && r.fn !== 'IsPrint' ? JSON.stringify(fromHex(x)) : x)).join(', ')}): got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  }
  it(`matches all ${golden.length} recorded results`, () => {
    expect(failures.slice(0, 40)).toEqual([]);
  });
});
