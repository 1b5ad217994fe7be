// Values of Go literals, from their source text (BasicLit.raw). The scanner has already
// reported malformed literals, so these throw LiteralError only for text the scanner would
// reject; callers that hold a parsed tree can rely on them succeeding.
import { goString, type GoString } from './utf8.ts';

export class LiteralError extends Error {}

function digitsOf(raw: string): string {
  return raw.replace(/_/g, '');
}

/** Value of an integer literal: decimal, 0x, 0o, 0b, legacy 0-octal, with `_` separators. */
export function intLitValue(raw: string): bigint {
  const s = digitsOf(raw);
  let m: RegExpExecArray | null;
  if ((m = /^0[xX]([0-9a-fA-F]+)$/.exec(s))) return BigInt('0x' + m[1]);
  if ((m = /^0[oO]?([0-7]+)$/.exec(s))) return BigInt('0o' + m[1]);
  if ((m = /^0[bB]([01]+)$/.exec(s))) return BigInt('0b' + m[1]);
  if (/^(0|[1-9][0-9]*)$/.test(s)) return BigInt(s);
  throw new LiteralError(`malformed integer literal ${raw}`);
}

/** Value of a float literal (decimal or hexadecimal with a p exponent), rounded to float64. */
export function floatLitValue(raw: string): number {
  const s = digitsOf(raw);
  if (/^[0-9]*\.?[0-9]*([eE][+-]?[0-9]+)?$/.test(s) && /[0-9]/.test(s)) {
    // JS's Number() parses Go's decimal float syntax exactly, except forms like "1." and ".5",
    // which it also accepts; rounding is correct (round to nearest even) in both languages.
    return Number(s);
  }
  const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (m && (m[1] || m[2])) {
    const intPart = m[1] ?? '';
    const frac = m[2] ?? '';
    const mant = BigInt('0x' + (intPart + frac || '0'));
    const exp = Number(m[3]) - 4 * frac.length;
    return bigTimesPow2(mant, exp);
  }
  // A decimal-looking integer literal used as float (e.g. const x float64 = 1) is fine too.
  try {
    return Number(intLitValue(raw));
  } catch {
    throw new LiteralError(`malformed floating-point literal ${raw}`);
  }
}

/** Value of the imaginary part of an imaginary literal (`2i`, `1.5e3i`, `0x1p2i`, `0123i` is decimal). */
export function imagLitValue(raw: string): number {
  if (!raw.endsWith('i')) throw new LiteralError(`malformed imaginary literal ${raw}`);
  const body = raw.slice(0, -1);
  // for backward compatibility Go reads an all-digit mantissa with a leading 0 as decimal here
  if (/^[0-9_]+$/.test(body)) return Number(BigInt(digitsOf(body) || '0'));
  return floatLitValue(body);
}

/** mant * 2^exp, correctly rounded to float64 (round half to even), as Go's constant conversion does. */
function bigTimesPow2(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  const bits = mant.toString(2).length;
  // Significant bits float64 can hold at this magnitude: 53, fewer for subnormals.
  const top = exp + bits - 1; // exponent of the leading bit
  const keep = top >= -1022 ? 53 : 53 - (-1022 - top);
  if (keep < 0) return 0; // below half the smallest subnormal
  let m = mant;
  const drop = bits - keep;
  if (drop > 0) {
    const sh = BigInt(drop);
    const rem = m & ((1n << sh) - 1n);
    m >>= sh;
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
    exp += drop;
  }
  // m has at most 54 bits, so Number(m) is exact; scaling by powers of two is exact until it
  // overflows to Infinity (which Go reports as an overflow anyway). Scale in steps so that
  // no intermediate power of two is itself out of range.
  let v = Number(m);
  while (exp > 0) {
    const step = Math.min(exp, 1000);
    v *= 2 ** step;
    exp -= step;
  }
  while (exp < 0) {
    const step = Math.max(exp, -1000);
    v *= 2 ** step;
    exp -= step;
  }
  return v;
}

/** Value of a rune literal `'x'` as a Unicode code point (or byte value for \x and octal). */
export function runeLitValue(raw: string): number {
  if (raw.length < 3 || raw[0] !== "'" || raw[raw.length - 1] !== "'") {
    throw new LiteralError(`malformed rune literal ${raw}`);
  }
  const body = raw.slice(1, -1);
  const out: number[] = [];
  decodeBody(body, "'", (c) => out.push(c), (b) => out.push(b));
  if (out.length !== 1) throw new LiteralError(`malformed rune literal ${raw}`);
  return out[0]!;
}

/** Value of an interpreted or raw string literal, as a GoString of UTF-8 bytes. */
export function stringLitValue(raw: string): GoString {
  if (raw.length >= 2 && raw[0] === '`' && raw[raw.length - 1] === '`') {
    return goString(raw.slice(1, -1).replace(/\r/g, ''));
  }
  if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') {
    throw new LiteralError(`malformed string literal ${raw}`);
  }
  const body = raw.slice(1, -1);
  if (!body.includes('\\')) return goString(body);
  let out = '';
  decodeBody(
    body,
    '"',
    (c) => { out += goString(String.fromCodePoint(c)); },
    (b) => { out += String.fromCharCode(b); },
  );
  return out;
}

/**
 * Walk the characters and escapes between the quotes, handing code points to `rune` and
 * single bytes (\x and octal escapes, which denote bytes, not code points) to `byte`.
 */
function decodeBody(body: string, quote: string, rune: (c: number) => void, byte: (b: number) => void): void {
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  simple[quote] = quote.charCodeAt(0);
  for (let i = 0; i < body.length; ) {
    const c = body.codePointAt(i)!;
    if (c !== 92) {
      if (c === 10 || body[i] === quote) throw new LiteralError('malformed literal');
      rune(c);
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new LiteralError('malformed escape');
    const s = simple[e];
    if (s !== undefined) {
      rune(s);
      i += 2;
      continue;
    }
    let n: number;
    let base: number;
    let start = i + 2;
    if (e === 'x') { n = 2; base = 16; }
    else if (e === 'u') { n = 4; base = 16; }
    else if (e === 'U') { n = 8; base = 16; }
    else if (e >= '0' && e <= '7') { n = 3; base = 8; start = i + 1; }
    else throw new LiteralError('unknown escape');
    const digits = body.slice(start, start + n);
    const re = base === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
    if (digits.length !== n || !re.test(digits)) throw new LiteralError('malformed escape');
    const v = parseInt(digits, base);
    if (e === 'x' || base === 8) {
      if (v > 255) throw new LiteralError('octal escape value > 255');
      byte(v);
    } else {
      if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new LiteralError('escape is invalid Unicode code point');
      rune(v);
    }
    i = start + n;
  }
}
