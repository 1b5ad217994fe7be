// Exact constant arithmetic (go/constant): integers are bigint and never overflow while
// untyped; floats are exact rationals (bigint num/den) so that `0.1 + 0.2` is exactly 0.3 as
// in Go, rounded to float64/float32 only when a constant takes a typed float type. String
// constants hold the Go string's bytes, one char per byte, as values.ts does.
import type { BasicKind, ConstValue } from './types.ts';
import { floatLitValue, intLitValue, runeLitValue, stringLitValue } from '../syntax/literals.ts';

export const intVal = (v: bigint): ConstValue => ({ kind: 'int', value: v });
export const boolVal = (v: boolean): ConstValue => ({ kind: 'bool', value: v });
export const stringVal = (v: string): ConstValue => ({ kind: 'string', value: v });

// ---------------------------------------------------------------- exact float constants

type FloatConst = Extract<ConstValue, { kind: 'float' }>;

const bitLen = (x: bigint): number => (x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A binary floating-point format: significand bits, exponent of the smallest subnormal's unit, overflow exponent. */
interface BinFormat { prec: number; minLsb: number; maxExp: number }
const f64: BinFormat = { prec: 53, minLsb: -1074, maxExp: 1024 };
const f32: BinFormat = { prec: 24, minLsb: -149, maxExp: 128 };

/**
 * n/d (both > 0) rounded to `prec` significant bits, half to even, as q * 2^e; with minLsb set,
 * e never goes below it (subnormals keep fewer bits).
 */
function roundBin(n: bigint, d: bigint, prec: number, minLsb: number | null): { q: bigint; e: number } {
  const scaled = (e: number): [bigint, bigint] => (e >= 0 ? [n, d << BigInt(e)] : [n << BigInt(-e), d]);
  // n/d lies in (2^(k-1), 2^(k+1)) for k the difference of bit lengths.
  let e = bitLen(n) - bitLen(d) - prec;
  let [a, b] = scaled(e);
  if (a >= b << BigInt(prec)) [a, b] = scaled(++e);
  if (minLsb !== null && e < minLsb) [a, b] = scaled((e = minLsb));
  let q = a / b;
  const r2 = (a - q * b) * 2n;
  if (r2 > b || (r2 === b && (q & 1n) === 1n)) q += 1n;
  return { q, e };
}

/** num/den correctly rounded to the format (±Infinity beyond its range); constants have no -0. */
function ratToNumber(num: bigint, den: bigint, f: BinFormat): number {
  if (num === 0n) return 0;
  const neg = num < 0n;
  const { q, e } = roundBin(neg ? -num : num, den, f.prec, f.minLsb);
  if (q === 0n) return 0;
  if (bitLen(q) + e > f.maxExp) return neg ? -Infinity : Infinity;
  // q fits the significand, so Number(q) is exact; scaling by powers of two moves monotonically
  // toward a representable result, so no step loses bits.
  let v = Number(q), k = e;
  while (k > 0) { const s = Math.min(k, 1000); v *= 2 ** s; k -= s; }
  while (k < 0) { const s = Math.min(-k, 1000); v *= 2 ** -s; k += s; }
  return neg ? -v : v;
}

/** Past this many bits go/constant leaves exact rationals for 512-bit floats; gosim does the same, to bound the cost. */
const maxRatBits = 4096;

/** The float constant num/den, in lowest terms, with its float64 rounding. */
export function ratVal(num: bigint, den: bigint): FloatConst {
  if (den < 0n) { num = -num; den = -den; }
  const g = gcd(num, den);
  if (g > 1n) { num /= g; den /= g; }
  if (bitLen(num) > maxRatBits || bitLen(den) > maxRatBits) {
    const neg = num < 0n;
    const { q, e } = roundBin(neg ? -num : num, den, 512, null);
    [num, den] = e >= 0 ? [q << BigInt(e), 1n] : [q, 1n << BigInt(-e)];
    const h = gcd(num, den);
    num = (neg ? -num : num) / h;
    den /= h;
  }
  return { kind: 'float', value: ratToNumber(num, den, f64), num, den };
}

/** The float constant num * 2^e (e may be negative). */
function scaledVal(num: bigint, e: number): FloatConst {
  return e >= 0 ? ratVal(num << BigInt(e), 1n) : ratVal(num, 1n << BigInt(-e));
}

/** A float64 as an exact float constant. */
export function floatVal(f: number): FloatConst {
  if (!Number.isFinite(f)) return { kind: 'float', value: f, num: 0n, den: 1n };
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, f);
  const bits = dv.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (biased !== 0) mant |= 1n << 52n;
  return scaledVal(bits >> 63n ? -mant : mant, biased === 0 ? -1074 : biased - 1075);
}

/** The exact value of a numeric constant as a rational (complex: its real part). */
function toRat(v: ConstValue): { num: bigint; den: bigint } {
  if (v.kind === 'int') return { num: v.value, den: 1n };
  if (v.kind === 'float') return { num: v.num, den: v.den };
  if (v.kind === 'complex') return floatVal(v.re);
  return { num: 0n, den: 1n };
}

/** An exact decimal or hexadecimal float literal (`0.1`, `1e-1000`, `0x1.8p3`). */
function floatLiteral(raw: string): ConstValue {
  const s = raw.replace(/_/g, '');
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (hex) {
    const frac = hex[2] ?? '';
    return scaledVal(BigInt('0x' + ((hex[1] ?? '') + frac || '0')), Number(hex[3]) - 4 * frac.length);
  }
  const dec = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(s);
  if (!dec || !/[0-9]/.test((dec[1] ?? '') + (dec[2] ?? ''))) return floatVal(floatLitValue(raw));
  const frac = dec[2] ?? '';
  const mant = BigInt(((dec[1] ?? '') + frac) || '0');
  // Exponents past any sensible program are clamped: the value is far outside float64 either way.
  const exp = Math.max(-100000, Math.min(100000, Number(dec[3] ?? '0') - frac.length));
  return exp >= 0 ? ratVal(mant * 10n ** BigInt(exp), 1n) : ratVal(mant, 10n ** BigInt(-exp));
}

/** Parse a literal as written (`0x1F`, `1_000`, `'a'`, `"hi\n"`, `` `raw` ``, `1e3`, `2i`); null if malformed. */
export function literalValue(kind: 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING', raw: string): ConstValue | null {
  try {
    switch (kind) {
      case 'INT': return intVal(intLitValue(raw));
      case 'FLOAT': return floatLiteral(raw);
      case 'IMAG': {
        const body = raw.slice(0, -1);
        const im = /^[0-9_]+$/.test(body) ? Number(body.replace(/_/g, '')) : floatLitValue(body);
        return { kind: 'complex', re: 0, im };
      }
      case 'CHAR': return intVal(BigInt(runeLitValue(raw)));
      case 'STRING': return stringVal(stringLitValue(raw));
    }
  } catch {
    return null;
  }
}

export function toFloat(v: ConstValue): number {
  switch (v.kind) {
    case 'int': return Number(v.value);
    case 'float': return v.value;
    case 'complex': return v.re;
    default: return NaN;
  }
}

/** The integer value of v if it is exactly integral, else null. */
export function toInt(v: ConstValue): bigint | null {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'float' && v.den === 1n) return v.num;
  if (v.kind === 'complex' && v.im === 0 && Number.isInteger(v.re)) return BigInt(v.re);
  return null;
}

const ranges: Partial<Record<BasicKind, [bigint, bigint]>> = {
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], int: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n], uint: [0n, 2n ** 64n - 1n], uintptr: [0n, 2n ** 64n - 1n],
};

/**
 * v converted to a constant of basic kind k, or why it cannot be: 'overflows' (an integer out
 * of range, a float too large), 'truncated' (a non-integral value for an integer type) or
 * 'mismatch' (a string for a number, ...).
 */
export function representable(v: ConstValue, k: BasicKind): ConstValue | 'overflows' | 'truncated' | 'mismatch' {
  const r = ranges[k];
  if (r || k === 'untyped int' || k === 'untyped rune') {
    if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'complex') return 'mismatch';
    if (v.kind === 'complex' && v.im !== 0) return 'truncated';
    const i = toInt(v);
    if (i === null) return 'truncated';
    if (r && (i < r[0] || i > r[1])) return 'overflows';
    return intVal(i);
  }
  switch (k) {
    case 'float32': case 'float64': case 'untyped float': {
      if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'complex') return 'mismatch';
      if (v.kind === 'complex' && v.im !== 0) return 'truncated';
      const { num, den } = toRat(v);
      if (k === 'untyped float') return ratVal(num, den);
      // A typed float constant is rounded to its type, as go/types does.
      const f = ratToNumber(num, den, k === 'float32' ? f32 : f64);
      if (!Number.isFinite(f)) return 'overflows';
      return floatVal(f);
    }
    case 'complex64': case 'complex128': case 'untyped complex':
      if (v.kind === 'complex') return v;
      if (v.kind !== 'int' && v.kind !== 'float') return 'mismatch';
      return { kind: 'complex', re: toFloat(v), im: 0 };
    case 'string': case 'untyped string': return v.kind === 'string' ? v : 'mismatch';
    case 'bool': case 'untyped bool': return v.kind === 'bool' ? v : 'mismatch';
    default: return 'mismatch';
  }
}

type Rank = 0 | 1 | 2;
const rank = (v: ConstValue): Rank => (v.kind === 'int' ? 0 : v.kind === 'float' ? 1 : 2);

/** Binary arithmetic on two numeric (or string for +) constants; integer division if `intDiv`. Null on division by zero. */
export function binaryOp(op: string, x: ConstValue, y: ConstValue, intDiv: boolean): ConstValue | null {
  if (x.kind === 'string' && y.kind === 'string') return op === '+' ? stringVal(x.value + y.value) : null;
  if (x.kind === 'bool' && y.kind === 'bool') {
    if (op === '&&') return boolVal(x.value && y.value);
    if (op === '||') return boolVal(x.value || y.value);
    return null;
  }
  const r = Math.max(rank(x), rank(y));
  if (r === 0 || (intDiv && toInt(x) !== null && toInt(y) !== null && (op === '/' || op === '%'))) {
    const a = toInt(x), b = toInt(y);
    if (a === null || b === null) return null;
    switch (op) {
      case '+': return intVal(a + b);
      case '-': return intVal(a - b);
      case '*': return intVal(a * b);
      case '/': if (b === 0n) return null; return intVal(a / b);
      case '%': if (b === 0n) return null; return intVal(a % b);
      case '&': return intVal(a & b);
      case '|': return intVal(a | b);
      case '^': return intVal(a ^ b);
      case '&^': return intVal(a & ~b);
      default: return null;
    }
  }
  if (r === 1) {
    const a = toRat(x), b = toRat(y);
    switch (op) {
      case '+': return ratVal(a.num * b.den + b.num * a.den, a.den * b.den);
      case '-': return ratVal(a.num * b.den - b.num * a.den, a.den * b.den);
      case '*': return ratVal(a.num * b.num, a.den * b.den);
      case '/': if (b.num === 0n) return null; return ratVal(a.num * b.den, a.den * b.num);
      default: return null;
    }
  }
  const [ar, ai] = x.kind === 'complex' ? [x.re, x.im] : [toFloat(x), 0];
  const [br, bi] = y.kind === 'complex' ? [y.re, y.im] : [toFloat(y), 0];
  switch (op) {
    case '+': return { kind: 'complex', re: ar + br, im: ai + bi };
    case '-': return { kind: 'complex', re: ar - br, im: ai - bi };
    case '*': return { kind: 'complex', re: ar * br - ai * bi, im: ar * bi + ai * br };
    case '/': {
      const d = br * br + bi * bi;
      if (d === 0) return null;
      return { kind: 'complex', re: (ar * br + ai * bi) / d, im: (ai * br - ar * bi) / d };
    }
    default: return null;
  }
}

export function compareConst(op: string, x: ConstValue, y: ConstValue): boolean {
  let c: number;
  if (x.kind === 'string' && y.kind === 'string') c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  else if (x.kind === 'bool' && y.kind === 'bool') c = x.value === y.value ? 0 : 1;
  else if (x.kind === 'int' && y.kind === 'int') c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  else if (x.kind === 'complex' || y.kind === 'complex') {
    const [ar, ai] = x.kind === 'complex' ? [x.re, x.im] : [toFloat(x), 0];
    const [br, bi] = y.kind === 'complex' ? [y.re, y.im] : [toFloat(y), 0];
    c = ar === br && ai === bi ? 0 : 1;
  } else {
    const a = toRat(x), b = toRat(y);
    const l = a.num * b.den, r = b.num * a.den;
    c = l < r ? -1 : l > r ? 1 : 0;
  }
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}

export function unaryOp(op: string, x: ConstValue, unsignedBits: number | null): ConstValue | null {
  switch (op) {
    case '+': return x;
    case '-':
      if (x.kind === 'int') return intVal(-x.value);
      if (x.kind === 'float') return { kind: 'float', value: x.value === 0 ? 0 : -x.value, num: -x.num, den: x.den };
      if (x.kind === 'complex') return { kind: 'complex', re: -x.re, im: -x.im };
      return null;
    case '^':
      if (x.kind !== 'int') return null;
      // ^x of an unsigned typed constant flips only the type's bits.
      if (unsignedBits !== null) return intVal(x.value ^ ((1n << BigInt(unsignedBits)) - 1n));
      return intVal(~x.value);
    case '!': return x.kind === 'bool' ? boolVal(!x.value) : null;
    default: return null;
  }
}

export function shift(op: '<<' | '>>', x: bigint, s: bigint): bigint {
  return op === '<<' ? x << s : x >> s;
}

/** The value as go/constant's String prints it in messages (strings quoted, shortened). */
export function constString(v: ConstValue): string {
  switch (v.kind) {
    case 'bool': return String(v.value);
    case 'int': return v.value.toString();
    case 'float': return floatString(v);
    case 'complex': return `(${floatString(floatVal(v.re))} + ${floatString(floatVal(v.im))}i)`;
    case 'string': {
      let q = quoteGo(v.value);
      if (q.length > 72) q = q.slice(0, 70) + '...' ;
      return q;
    }
  }
}

function floatString(v: FloatConst): string {
  const f = v.value;
  if (Number.isFinite(f) && (f === 0) === (v.num === 0n)) {
    // go/constant prints floats with %.6g, falling back to %g when that hides a fraction.
    const s = formatG(f, 6);
    if (v.den !== 1n && !s.includes('.')) return formatG(f, -1);
    return s;
  }
  // Beyond float64's range go/constant estimates the decimal exponent from the binary one and
  // prints `%.6ge%+d`; the same estimate here gives the same digits.
  const neg = v.num < 0n;
  const { q, e } = roundBin(neg ? -v.num : v.num, v.den, 53, null);
  let m = (Number(q) / 2 ** 53) * (neg ? -1 : 1);
  const d = (e + 53) * (Math.LN2 / Math.LN10);
  let e10 = Math.trunc(d);
  m *= Math.pow(10, d - e10);
  const am = Math.abs(m);
  if (am < 1 - 0.5e-6) { m *= 10; e10--; } else if (am >= 10) { m /= 10; e10++; }
  return `${formatG(m, 6)}e${e10 < 0 ? '-' : '+'}${Math.abs(e10)}`;
}

/** Go's %.<prec>g (prec -1: shortest), e.g. 1e+10, 0.333333, 300. */
function formatG(f: number, prec: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : Number.isNaN(f) ? 'NaN' : '-Inf';
  const digits = prec < 0 ? f.toExponential() : f.toExponential(prec - 1);
  const [mant, expStr] = digits.split('e') as [string, string];
  const exp = Number(expStr);
  const eprec = prec < 0 ? 21 : prec;
  const trim = (m: string) => (m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m);
  if (exp < -4 || exp >= eprec) {
    return `${trim(mant)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const sig = prec < 0 ? mant.replace('-', '').replace('.', '').length : prec;
  return trim(f.toFixed(Math.max(0, sig - 1 - exp)));
}

/** strconv.Quote of a byte string. */
export function quoteGo(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 9) out += '\\t';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 128) out += bytes[i];
    else {
      // Multi-byte UTF-8 sequences print as the character itself when valid.
      let n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      const seq = bytes.slice(i, i + n);
      try {
        const u = decodeURIComponent(Array.from(seq, (ch) => '%' + ch.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
        out += u;
        i += n - 1;
      } catch {
        out += '\\x' + c.toString(16).padStart(2, '0');
        n = 1;
      }
    }
  }
  return out + '"';
}
