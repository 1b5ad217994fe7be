// Package math. Where Go computes a result with its own algorithm rather than the CPU's or
// libm's (Pow, Log2, Log10, Hypot, Round, Sin/Cos/Tan, Asin/Acos/Atan/Atan2, Exp2), that
// algorithm is followed so results agree to the bit; the rest use JS's Math, whose functions
// Go's match on the values learners print.
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
  // 2^1024 itself is not a double, though f * 2^1024 with f < 1 is.
  if (exp > 1000) return f * 2 ** (exp - 60) * 2 ** 60;
  return f * 2 ** exp;
}

// Go computes its trigonometric functions and Exp2 in Go (Cephes polynomials, Payne-Hanek
// reduction for huge arguments) rather than with the libm V8's Math follows, and the two
// disagree in the last bit for many arguments, so gosim evaluates them the same way.

const PI4A = 7.85398125648498535156e-1;
const PI4B = 3.77489470793079817668e-8;
const PI4C = 2.69515142907905952645e-15;
const FOUR_OVER_PI = 4 / Math.PI; // the same double as Go's exact 4/Pi rounded once
const SIN = [1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
  -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1];
const COS = [-1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
  2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2];
const TAN_P = [-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7];
const TAN_Q = [1.36812963470692954678e4, -1.32089234440210967447e6, 2.50083801823357915839e7, -5.38695755929454629881e7];

/** 4/Pi in 64-bit digits after a leading 1: enough bits for the largest float64 exponent. */
const M_PI4 = [
  0x1n, 0x45f306dc9c882a53n, 0xf84eafa3ea69bb81n, 0xb6c52b3278872083n, 0xfca2c757bd778ac3n,
  0x6e48dc74849ba5c0n, 0x0c925dd413a32439n, 0xfc3bd63962534e7dn, 0xd1046bea5d768909n,
  0xd338e04d68befc82n, 0x7323ac7306a673e9n, 0x3908bf177bf25076n, 0x3ff12fffbc0b301fn,
  0xde5e2316b414da3en, 0xda6cfd9e4f96136en, 0x9e8c7ecd3cbfd45an, 0xea4f758fd7cbe2f6n,
  0x7a0e73ef14a525d4n, 0xd7f6bf623f1aba10n, 0xac06608df8f6d757n,
];
const REDUCE_THRESHOLD = 2 ** 29;
const U64 = (1n << 64n) - 1n;

/** Payne-Hanek reduction of x >= 2^29 by Pi/4: the octant (mod 8) and the remainder. */
function trigReduce(x: number): [j: number, z: number] {
  const bits = bitsOf(x);
  const exp = Number((bits >> 52n) & 0x7ffn) - 1023 - 52;
  const mant = (bits & ((1n << 52n) - 1n)) | (1n << 52n);
  const digit = Math.floor((exp + 61) / 64), shift = BigInt((exp + 61) % 64);
  const word = (k: number) => ((M_PI4[digit + k]! << shift) | (M_PI4[digit + k + 1]! >> (64n - shift))) & U64;
  // The 128 bits of mant * (4/Pi) around the binary point: three words of 4/Pi suffice.
  const prod = ((word(0) << 128n) + (word(1) << 64n) + word(2)) * mant;
  const hi0 = (prod >> 128n) & U64, lo = (prod >> 64n) & U64;
  let j = Number(hi0 >> 61n);
  // The fraction as a double, built from its bits the way Go's trigReduce builds it (the bits
  // below the leading one come from lo again, as there).
  let hi = ((hi0 << 3n) | (lo >> 61n)) & U64;
  const lz = hi === 0n ? 64 : 64 - hi.toString(2).length;
  const e = BigInt(1023 - (lz + 1));
  const sh = BigInt(lz + 1);
  hi = sh >= 64n ? 0n : (((hi << sh) & U64) | (lo >> (64n - sh)));
  hi = (hi >> 12n) | ((e & 0xfffn) << 52n);
  let z = fromBits(hi);
  if (j & 1) { j = (j + 1) & 7; z -= 1; }
  return [j, z * (Math.PI / 4)];
}

/** Octant and remainder of x >= 0 by Pi/4, odd octants moved to the next even one. */
function octant(x: number): [j: number, z: number] {
  if (x >= REDUCE_THRESHOLD) return trigReduce(x);
  let j = Math.floor(x * FOUR_OVER_PI);
  let y = j;
  if (j & 1) { j++; y++; }
  return [j, ((x - y * PI4A) - y * PI4B) - y * PI4C];
}

const sinPoly = (z: number, zz: number) => z + z * zz * ((((((SIN[0]! * zz) + SIN[1]!) * zz + SIN[2]!) * zz + SIN[3]!) * zz + SIN[4]!) * zz + SIN[5]!);
const cosPoly = (zz: number) => 1.0 - 0.5 * zz + zz * zz * ((((((COS[0]! * zz) + COS[1]!) * zz + COS[2]!) * zz + COS[3]!) * zz + COS[4]!) * zz + COS[5]!);

export function sin(x: number): number {
  if (x === 0 || x !== x) return x;
  if (!Number.isFinite(x)) return NaN;
  let sign = x < 0;
  let [j, z] = octant(Math.abs(x));
  j &= 7;
  if (j > 3) { sign = !sign; j -= 4; }
  const zz = z * z;
  const y = j === 1 || j === 2 ? cosPoly(zz) : sinPoly(z, zz);
  return sign ? -y : y;
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  let sign = false;
  let [j, z] = octant(Math.abs(x));
  j &= 7;
  if (j > 3) { j -= 4; sign = !sign; }
  if (j > 1) sign = !sign;
  const zz = z * z;
  const y = j === 1 || j === 2 ? sinPoly(z, zz) : cosPoly(zz);
  return sign ? -y : y;
}

export function tan(x: number): number {
  if (x === 0 || x !== x) return x;
  if (!Number.isFinite(x)) return NaN;
  const [j, z] = octant(Math.abs(x));
  const zz = z * z;
  let y = z;
  if (zz > 1e-14) {
    y = z + z * (zz * (((TAN_P[0]! * zz) + TAN_P[1]!) * zz + TAN_P[2]!) / ((((zz + TAN_Q[0]!) * zz + TAN_Q[1]!) * zz + TAN_Q[2]!) * zz + TAN_Q[3]!));
  }
  if (j & 2) y = -1 / y;
  return x < 0 ? -y : y;
}

/** Arctangent on [0, 0.66] by Cephes' rational approximation. */
function xatan(x: number): number {
  const z = x * x;
  const r = z * ((((-8.750608600031904122785e-01 * z + -1.615753718733365076637e+01) * z + -7.500855792314704667340e+01) * z + -1.228866684490136173410e+02) * z + -6.485021904942025371773e+01) /
    (((((z + 2.485846490142306297962e+01) * z + 1.650270098316988542046e+02) * z + 4.328810604912902668951e+02) * z + 4.853903996359136964868e+02) * z + 1.945506571482613964425e+02);
  return x * r + x;
}

/** Arctangent of x > 0, brought into xatan's range first. */
function satan(x: number): number {
  const MOREBITS = 6.123233995736765886130e-17;
  if (x <= 0.66) return xatan(x);
  if (x > 2.41421356237309504880) return Math.PI / 2 - xatan(1 / x) + MOREBITS;
  return Math.PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * MOREBITS;
}

export function atan(x: number): number {
  if (x === 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}

export function asin(x: number): number {
  if (x === 0) return x;
  const sign = x < 0;
  const a = Math.abs(x);
  if (a > 1) return NaN;
  const t = Math.sqrt(1 - a * a);
  const r = a > 0.7 ? Math.PI / 2 - satan(t / a) : satan(a / t);
  return sign ? -r : r;
}

const copysign = (f: number, sign: number) => ((sign < 0 || Object.is(sign, -0)) !== (f < 0 || Object.is(f, -0)) ? -f : f);

export function atan2(y: number, x: number): number {
  if (y !== y || x !== x) return NaN;
  if (y === 0) return x >= 0 && !Object.is(x, -0) ? copysign(0, y) : copysign(Math.PI, y);
  if (x === 0) return copysign(Math.PI / 2, y);
  if (!Number.isFinite(x)) {
    if (x === Infinity) return copysign(Number.isFinite(y) ? 0 : Math.PI / 4, y);
    return copysign(Number.isFinite(y) ? Math.PI : 3 * Math.PI / 4, y);
  }
  if (!Number.isFinite(y)) return copysign(Math.PI / 2, y);
  const q = atan(y / x);
  if (x < 0) return q <= 0 ? q + Math.PI : q - Math.PI;
  return q;
}

/** e^(hi-lo) * 2^k, the last step of Go's Exp and Exp2. */
function expmulti(hi: number, lo: number, k: number): number {
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (1.66666666666666657415e-01 + t * (-2.77777777770155933842e-03 + t * (6.61375632143793436117e-05 + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return ldexp(y, k);
}

export function exp2(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > 1.0239999999999999e+03) return Infinity;
  if (x < -1.0740e+03) return 0;
  const k = x > 0 ? Math.trunc(x + 0.5) : x < 0 ? Math.trunc(x - 0.5) : 0;
  const t = x - k;
  return expmulti(t * 6.93147180369123816490e-01, -t * 1.90821492927058770002e-10, k);
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
    'math.Sin': f1(sin),
    'math.Cos': f1(cos),
    'math.Tan': f1(tan),
    'math.Atan': f1(atan),
    'math.Atan2': f2(atan2),
    'math.Copysign': f2(copysign),
    'math.Modf': (_ctx: NativeCtx, f: number) => modf(f),
    'math.Frexp': (_ctx: NativeCtx, f: number) => frexp(f),
    'math.Ldexp': (_ctx: NativeCtx, frac: number, exp: GoInt) => ldexp(frac, Number(exp)),
    'math.Exp2': f1(exp2),
    'math.Asin': f1(asin),
    'math.Acos': f1((x) => Math.PI / 2 - asin(x)),
    'math.Sinh': f1(Math.sinh),
    'math.Cosh': f1(Math.cosh),
    'math.Tanh': f1(Math.tanh),
    'math.Log1p': f1(Math.log1p),
    'math.Expm1': f1(Math.expm1),
    'math.Dim': f2((x, y) => (x - y <= 0 ? 0 : x - y)),
    // JS's own NaN reads as 0x7ff8000000000000; the NaN Go programs meet is math.NaN()'s.
    'math.Float64bits': (_ctx: NativeCtx, f: number) => {
      const b = bitsOf(f);
      return normInt(b === 0x7ff8000000000000n ? 0x7ff8000000000001n : b);
    },
    'math.Float64frombits': (_ctx: NativeCtx, b: GoInt) => fromBits(BigInt(b)),
    'math.Float32bits': (_ctx: NativeCtx, f: number) => { view.setFloat32(0, f); return view.getUint32(0); },
    'math.Float32frombits': (_ctx: NativeCtx, b: number) => { view.setUint32(0, b); return view.getFloat32(0); },
  },
};
