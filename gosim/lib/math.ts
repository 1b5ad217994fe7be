// Package math. Where Go computes a result with its own algorithm rather than the CPU's or
// libm's (Exp, Log and what is built on them, Hypot, Round, the trigonometric and hyperbolic
// functions, Exp2; Exp as Go's amd64 assembly computes it on a CPU with FMA), that
// algorithm is followed so results agree to the bit; the rest use JS's Math, whose functions
// Go's match on the values learners print.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt } from '../runtime/values.ts';
import { normInt } from '../runtime/values.ts';

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

/** The exact integer m and power e with x = m * 2^e, for a finite x. */
function split(x: number): [bigint, number] {
  const bits = bitsOf(x);
  const be = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (be !== 0) m |= 1n << 52n;
  if (bits >> 63n) m = -m;
  return [m, (be === 0 ? 1 : be) - 1075];
}

/** m * 2^e exactly, for a result known to be a double. */
function scale(m: number, e: number): number {
  if (e > 1000) return m * 2 ** (e - 100) * 2 ** 100;
  if (e < -1000) return m * 2 ** (e + 100) * 2 ** -100;
  return m * 2 ** e;
}

/**
 * a*b + c rounded once, as the FMA instructions do: Go's amd64 Exp uses them on CPUs that have
 * them (every recent x86), and a separate multiply and add round differently.
 */
export function fma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || a === 0 || b === 0) return a * b + c;
  const [ma, ea] = split(a), [mb, eb] = split(b), [mc, ec] = split(c);
  const ep = ea + eb;
  const E = Math.min(ep, ec);
  const sum = ((ma * mb) << BigInt(ep - E)) + (mc << BigInt(ec - E));
  if (sum === 0n) return 0;
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  const len = mag.toString(2).length;
  // Keep 53 significant bits, or fewer where the result is subnormal.
  const shift = Math.max(len - 53, -1074 - E);
  let q: bigint;
  if (shift <= 0) q = mag;
  else {
    q = mag >> BigInt(shift);
    const rem = mag - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
  }
  const r = scale(Number(q), E + Math.max(shift, 0));
  return neg ? -r : r;
}

const EXP_C = [2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3,
  8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0];

/** Go's Exp on amd64: its assembly (after Shibata's SLEEF), on the FMA path modern CPUs take. */
export function exp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > 7.09782712893384e+02) return Infinity;
  const t = x * 1.4426950408889634073599246810018920;
  // CVTSD2SL rounds to nearest even; out of int32 range it gives the "integer indefinite".
  let k = Math.abs(t) < 2147483647.5 ? roundHalfEven(t) : -2147483648;
  let r = fma(-0.69314718055966295651160180568695068359375, k, x);
  r = fma(-0.28235290563031577122588448175013436025525412068e-12, k, r);
  r *= 0.0625;
  let p = EXP_C[0]!;
  for (let i = 1; i < EXP_C.length; i++) p = fma(p, r, EXP_C[i]!);
  r *= p;
  for (let i = 0; i < 3; i++) r *= r + 2.0;
  r = fma(r, r + 2.0, 1.0);
  k += 1023;
  if (k <= 0) return 0;
  if (k >= 0x7ff) return Infinity;
  return r * scale(1, k - 1023);
}

function roundHalfEven(t: number): number {
  const f = Math.floor(t);
  const d = t - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function sinh(x: number): number {
  // Not Math.abs: -0 must stay -0 through the polynomial, as it does in Go.
  const a = x < 0 ? -x : x;
  let t: number;
  if (a > 21) t = exp(a) / 2;
  else if (a > 0.5) { const ex = exp(a); t = (ex - 1 / ex) / 2; }
  else {
    const sq = a * a;
    t = (((-0.2630563213397497062819489e+2 * sq + -0.2894211355989563807284660366e+4) * sq + -0.8991272022039509355398013511e+5) * sq + -0.6307673640497716991184787251e+6) * a;
    t = t / (((sq + -0.173678953558233699533450911e+3) * sq + 0.1521517378790019070696485176e+5) * sq + -0.6307673640497716991212077277e+6);
  }
  return x < 0 ? -t : t;
}

export function cosh(x: number): number {
  const a = Math.abs(x);
  if (a > 21) return exp(a) / 2;
  const ex = exp(a);
  return (ex + 1 / ex) / 2;
}

export function tanh(x: number): number {
  const z = Math.abs(x);
  if (z > 0.5 * 8.8029691931113054295988e+01) return x < 0 ? -1 : 1;
  if (z >= 0.625) {
    const s = exp(2 * z);
    const r = 1 - 2 / (s + 1);
    return x < 0 ? -r : r;
  }
  if (x === 0 || x !== x) return x;
  const s = x * x;
  return x + x * s * ((-9.64399179425052238628E-1 * s + -9.92877231001918586564E1) * s + -1.61468768441708447952E3) / (((s + 1.12811678491632931402E2) * s + 2.23548839060100448583E3) * s + 4.84406305325125486048E3);
}

/** Go's Log on amd64, step for step as its assembly computes it (fdlibm's method). */
export function log(x: number): number {
  const bits = bitsOf(x);
  if ((bits & ~(1n << 63n)) === 0n) return -Infinity;
  if (bits >> 63n) return NaN;
  if (bits >= 0x7ff0000000000000n) return x;
  // Frexp by bit surgery, as the assembly does it (subnormals are not renormalized there).
  let f1 = fromBits((bits & 0xfffffffffffffn) | 0x3fe0000000000000n);
  let k = Number((bits >> 52n) & 0x7ffn) - 0x3fe;
  if (!(7.07106781186547524401e-01 < f1)) { k -= 1; f1 *= 2; }
  const f = f1 - 1;
  const sv = f / (2 + f);
  const s2 = sv * sv, s4 = s2 * s2;
  const t1 = s2 * (6.666666666666735130e-01 + s4 * (2.857142874366239149e-01 + s4 * (1.818357216161805012e-01 + s4 * 1.479819860511658591e-01)));
  const t2 = s4 * (3.999999999940941908e-01 + s4 * (2.222219843214978396e-01 + s4 * 1.531383769920937332e-01));
  const R = t1 + t2;
  const hfsq = 0.5 * f * f;
  return k * 6.93147180369123816490e-01 - ((hfsq - (sv * (hfsq + R) + k * 1.90821492927058770002e-10)) - f);
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
    a1 = exp(yf * log(x));
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

const JS_NANS = new Set([0x7ff8000000000000n, 0x7ffc000000000000n, 0xfff8000000000000n, 0xfffc000000000000n]);

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
  return log(frac) * LOG2E + exp;
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
    'math.Log': f1(log),
    'math.Log2': f1(log2),
    'math.Log10': f1((x) => log(x) * LOG10E),
    'math.Exp': f1(exp),
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
    'math.Sinh': f1(sinh),
    'math.Cosh': f1(cosh),
    'math.Tanh': f1(tanh),
    'math.Log1p': f1(Math.log1p),
    'math.Expm1': f1(Math.expm1),
    'math.Dim': f2((x, y) => (x - y <= 0 ? 0 : x - y)),
    // The NaNs V8 makes carry its own payloads; the NaN Go's math functions return is NaN()'s.
    'math.Float64bits': (_ctx: NativeCtx, f: number) => {
      const b = bitsOf(f);
      return normInt(f === f || !JS_NANS.has(b) ? b : 0x7ff8000000000001n);
    },
    'math.Float64frombits': (_ctx: NativeCtx, b: GoInt) => fromBits(BigInt(b)),
    'math.Float32bits': (_ctx: NativeCtx, f: number) => { view.setFloat32(0, f); return view.getUint32(0); },
    'math.Float32frombits': (_ctx: NativeCtx, b: number) => { view.setUint32(0, b); return view.getFloat32(0); },
  },
};
