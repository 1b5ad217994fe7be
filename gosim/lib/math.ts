// Package math. Where Go computes a result with its own algorithm rather than the CPU's or
// libm's (Pow, Log2, Log10, Hypot, Round), that algorithm is followed so results agree to the bit;
// the rest use JS's Math, whose functions Go's match on the values learners print.
import type { NativeCtx, NativePackage } from './native.ts';
import type { GoInt } from '../values.ts';
import { normInt } from '../values.ts';

const view = new DataView(new ArrayBuffer(8));

// Go folds 1/Ln2 and 1/Ln10 exactly at compile time; 1 / Math.LN10 in doubles is an ulp off.
const LOG2E = 1.4426950408889634;
const LOG10E = 0.4342944819032518;

/** Frexp: x = frac * 2^exp with 0.5 <= |frac| < 1. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x) || x !== x) return [x, 0];
  let exp = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) { x *= 2 ** 52; exp = -52; }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  exp += ((hi >>> 20) & 0x7ff) - 1022;
  view.setUint32(0, (hi & ~(0x7ff << 20)) | (1022 << 20));
  return [view.getFloat64(0), exp];
}

/** Ldexp: frac * 2^exp with a single rounding. */
export function ldexp(frac: number, exp: number): number {
  if (frac === 0 || !Number.isFinite(frac) || frac !== frac) return frac;
  const [f, e] = frexp(frac);
  exp += e;
  if (exp > 1024) return frac < 0 ? -Infinity : Infinity;
  if (exp < -1075 - 53) return frac < 0 ? -0 : 0;
  if (exp < -1021) return f * 2 ** (exp + 60) * 2 ** -60;
  return f * 2 ** exp;
}

function isOddInt(x: number): boolean {
  if (Math.abs(x) >= 2 ** 53) return false;
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (x !== x || y !== y) return NaN;
  if (x === 0) {
    if (y < 0) {
      if (Object.is(x, -0) && isOddInt(y)) return -Infinity;
      return Infinity;
    }
    if (isOddInt(y)) return x;
    return 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    if ((Math.abs(x) < 1) === (y > 0)) return 0;
    return Infinity;
  }
  if (!Number.isFinite(x)) {
    if (x === -Infinity) return pow(1 / x, -y);
    return y < 0 ? 0 : Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  const ay = Math.abs(y);
  let yi = Math.trunc(ay);
  let yf = ay - yi;
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    if ((Math.abs(x) < 1) === (y > 0)) return 0;
    return Infinity;
  }
  let a1 = 1;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) { yf--; yi++; }
    a1 = Math.exp(yf * Math.log(x));
  }
  let [x1, xe] = frexp(x);
  for (let i = BigInt(yi); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) { a1 *= x1; ae += xe; }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) { x1 += x1; xe--; }
  }
  if (y < 0) { a1 = 1 / a1; ae = -ae; }
  return ldexp(a1, ae);
}

function bitsOf(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
function fromBits(b: bigint): number {
  view.setBigUint64(0, BigInt.asUintN(64, b));
  return view.getFloat64(0);
}

/**
 * Go's Cbrt (the classic FreeBSD method): a 5-bit guess from the exponent bits, a rational
 * refinement to 23 bits, rounding the guess up to 22 bits, then one Newton step.
 */
export function cbrt(x: number): number {
  if (x === 0 || x !== x || !Number.isFinite(x)) return x;
  const sign = x < 0;
  if (sign) x = -x;
  let t = fromBits(bitsOf(x) / 3n + (715094163n << 32n));
  if (x < 2.2250738585072014e-308) {
    t = 2 ** 54 * x;
    t = fromBits(bitsOf(t) / 3n + (696219795n << 32n));
  }
  let r = (t * t) / x;
  let s = 0.542857142857142815906 + r * t;
  t *= 0.357142857142857150787 + 1.60714285714285720630 / (s + 1.41428571428571436819 + -0.705306122448979611050 / s);
  t = fromBits((bitsOf(t) & (0xffffffffcn << 28n)) + (1n << 30n));
  s = t * t;
  r = x / s;
  const w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return sign ? -t : t;
}

/** Go's Modf: integer and fractional parts, both carrying f's sign. */
export function modf(f: number): [number, number] {
  if (f < 1) {
    if (f < 0) {
      const [i, fr] = modf(-f);
      return [-i, -fr];
    }
    if (f === 0) return [f, f];
    return [0, f];
  }
  const i = Number.isFinite(f) ? Math.trunc(f) : f;
  return [i, f - i];
}

export function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const t = Math.trunc(x);
  if (Math.abs(x - t) >= 0.5) return t + Math.sign(x);
  return t === 0 ? (x < 0 ? -0 : 0) : t;
}

function log2(x: number): number {
  const [frac, exp] = frexp(x);
  if (frac === 0.5) return exp - 1;
  return Math.log(frac) * LOG2E + exp;
}

function hypot(p: number, q: number): number {
  p = Math.abs(p);
  q = Math.abs(q);
  if (p === Infinity || q === Infinity) return Infinity;
  if (p !== p || q !== q) return NaN;
  if (p < q) [p, q] = [q, p];
  if (p === 0) return 0;
  q = q / p;
  return p * Math.sqrt(1 + q * q);
}

const f1 = (f: (x: number) => number) => (_ctx: NativeCtx, x: number) => f(x);
const f2 = (f: (x: number, y: number) => number) => (_ctx: NativeCtx, x: number, y: number) => f(x, y);

export const pkg: NativePackage = {
  path: 'math',
  natives: {
    'math.Inf': (_ctx: NativeCtx, sign: GoInt) => (sign >= 0 ? Infinity : -Infinity),
    'math.NaN': () => NaN,
    'math.IsNaN': (_ctx: NativeCtx, f: number) => f !== f,
    'math.IsInf': (_ctx: NativeCtx, f: number, sign: GoInt) => (sign >= 0 && f === Infinity) || (sign <= 0 && f === -Infinity),
    'math.Signbit': (_ctx: NativeCtx, x: number) => x < 0 || Object.is(x, -0),
    'math.Sqrt': f1(Math.sqrt),
    'math.Cbrt': f1(cbrt),
    'math.Pow': f2(pow),
    'math.Abs': f1(Math.abs),
    'math.Floor': f1(Math.floor),
    'math.Ceil': f1(Math.ceil),
    'math.Round': f1(round),
    'math.Trunc': f1(Math.trunc),
    // Go: an infinity wins over NaN, unlike JS's Math.max/min.
    'math.Max': f2((x, y) => (x === Infinity || y === Infinity ? Infinity : Math.max(x, y))),
    'math.Min': f2((x, y) => (x === -Infinity || y === -Infinity ? -Infinity : Math.min(x, y))),
    'math.Mod': f2((x, y) => x % y),
    'math.Hypot': f2(hypot),
    'math.Log': f1(Math.log),
    'math.Log2': f1(log2),
    'math.Log10': f1((x) => Math.log(x) * LOG10E),
    'math.Exp': f1(Math.exp),
    'math.Sin': f1(Math.sin),
    'math.Cos': f1(Math.cos),
    'math.Tan': f1(Math.tan),
    'math.Atan': f1(Math.atan),
    'math.Atan2': f2(Math.atan2),
    // Not declared in decls.ts yet; ready for when they are.
    'math.Copysign': f2((f, sign) => ((sign < 0 || Object.is(sign, -0)) !== (f < 0 || Object.is(f, -0)) ? -f : f)),
    'math.Modf': (_ctx: NativeCtx, f: number) => modf(f),
    'math.Frexp': (_ctx: NativeCtx, f: number) => frexp(f),
    'math.Ldexp': (_ctx: NativeCtx, frac: number, exp: GoInt) => ldexp(frac, Number(exp)),
    'math.Exp2': f1((x) => pow(2, x)),
    'math.Asin': f1(Math.asin),
    'math.Acos': f1(Math.acos),
    'math.Sinh': f1(Math.sinh),
    'math.Cosh': f1(Math.cosh),
    'math.Tanh': f1(Math.tanh),
    'math.Log1p': f1(Math.log1p),
    'math.Expm1': f1(Math.expm1),
    'math.Dim': f2((x, y) => (x - y <= 0 ? 0 : x - y)),
    'math.Float64bits': (_ctx: NativeCtx, f: number) => normInt(bitsOf(f)),
    'math.Float64frombits': (_ctx: NativeCtx, b: GoInt) => fromBits(BigInt(b)),
    'math.Float32bits': (_ctx: NativeCtx, f: number) => { view.setFloat32(0, f); return view.getUint32(0); },
    'math.Float32frombits': (_ctx: NativeCtx, b: number) => { view.setUint32(0, b); return view.getFloat32(0); },
  },
};
