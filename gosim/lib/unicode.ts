// Package unicode: rune classes and simple case mapping. JS's Unicode property escapes carry the
// same character database Go's tables are generated from (Unicode 15), so they stand in for them.
import type { NativeCtx, NativePackage } from './native.ts';
import { isPrint as strconvIsPrint, validRune } from './fmt/quote.ts';

const re = (p: string) => new RegExp(`^${p}$`, 'u');
const Lu = re('\\p{Lu}'), Ll = re('\\p{Ll}'), Lt = re('\\p{Lt}'), L = re('\\p{L}'), Nd = re('\\p{Nd}'), N = re('\\p{N}');
const P = re('\\p{P}'), Cc = re('\\p{Cc}'), S = re('\\p{S}'), M = re('\\p{M}');

function test(rx: RegExp, r: number): boolean {
  return validRune(r) && rx.test(String.fromCodePoint(r));
}

export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}
export const isUpper = (r: number) => (r < 0x80 ? r >= 65 && r <= 90 : test(Lu, r));
export const isLower = (r: number) => (r < 0x80 ? r >= 97 && r <= 122 : test(Ll, r));
export const isTitle = (r: number) => test(Lt, r);
export const isLetter = (r: number) => (r < 0x80 ? (r | 0x20) >= 97 && (r | 0x20) <= 122 : test(L, r));
export const isDigit = (r: number) => (r < 0x80 ? r >= 48 && r <= 57 : test(Nd, r));
export const isNumber = (r: number) => (r < 0x80 ? r >= 48 && r <= 57 : test(N, r));
export const isPunct = (r: number) => test(P, r);
export const isControl = (r: number) => test(Cc, r);
export const isSymbol = (r: number) => test(S, r);
export const isMark = (r: number) => test(M, r);
export const isPrint = strconvIsPrint;

/** A single-rune case mapping; JS's full mappings that expand (ß -> SS) are not simple ones. */
function mapCase(r: number, upper: boolean): number {
  if (r < 0x80) {
    if (upper) return r >= 97 && r <= 122 ? r - 32 : r;
    return r >= 65 && r <= 90 ? r + 32 : r;
  }
  if (!validRune(r)) return r;
  if (!upper && r === 0x130) return 0x69;
  const s = String.fromCodePoint(r);
  const m = upper ? s.toUpperCase() : s.toLowerCase();
  const c = m.codePointAt(0)!;
  return m.length === String.fromCodePoint(c).length ? c : r;
}
export const toUpper = (r: number) => mapCase(r, true);
export const toLower = (r: number) => mapCase(r, false);

// The four digraphs whose title case differs from their upper case.
const titleDigraphs: Record<number, number> = {
  0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5, 0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8,
  0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb, 0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2,
};
export const toTitle = (r: number) => titleDigraphs[r] ?? toUpper(r);

const b = (f: (r: number) => boolean) => (_ctx: NativeCtx, r: number) => f(r);
const m = (f: (r: number) => number) => (_ctx: NativeCtx, r: number) => f(r);

export const pkg: NativePackage = {
  path: 'unicode',
  natives: {
    'unicode.IsUpper': b(isUpper),
    'unicode.IsLower': b(isLower),
    'unicode.IsDigit': b(isDigit),
    'unicode.IsNumber': b(isNumber),
    'unicode.IsLetter': b(isLetter),
    'unicode.IsSpace': b(isSpace),
    'unicode.IsPunct': b(isPunct),
    'unicode.IsPrint': b(isPrint),
    'unicode.IsControl': b(isControl),
    'unicode.ToUpper': m(toUpper),
    'unicode.ToLower': m(toLower),
    'unicode.ToTitle': m(toTitle),
  },
};
