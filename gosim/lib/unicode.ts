// Package unicode: rune classes and simple case mapping from tables generated out of Go's own
// unicode package (fmt/unicodetables.ts): JS engines ship newer Unicode versions than Go.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import { categoryRanges, caseMappings } from './fmt/unicodetables.ts';

/** Decode a generated table: base-36 numbers, each a delta from the one before. */
function decode(s: string): Int32Array {
  const parts = s === '' ? [] : s.split(' ');
  const out = new Int32Array(parts.length);
  let prev = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    prev += p[0] === '-' ? -parseInt(p.slice(1), 36) : parseInt(p, 36);
    out[i] = prev;
  }
  return out;
}

const decoded = new Map<string, Int32Array>();
function table(name: string): Int32Array {
  let t = decoded.get(name);
  if (!t) { t = decode(categoryRanges[name]); decoded.set(name, t); }
  return t;
}

/** Whether r falls in one of the lo..hi pairs of a category table (binary search). */
function inTable(name: string, r: number): boolean {
  const t = table(name);
  let lo = 0, hi = t.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r < t[2 * mid]) hi = mid - 1;
    else if (r > t[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}
export const isUpper = (r: number) => (r < 0x80 ? r >= 65 && r <= 90 : inTable('Lu', r));
export const isLower = (r: number) => (r < 0x80 ? r >= 97 && r <= 122 : inTable('Ll', r));
export const isTitle = (r: number) => inTable('Lt', r);
export const isLetter = (r: number) => (r < 0x80 ? (r | 0x20) >= 97 && (r | 0x20) <= 122 : inTable('L', r));
export const isDigit = (r: number) => (r < 0x80 ? r >= 48 && r <= 57 : inTable('Nd', r));
export const isNumber = (r: number) => (r < 0x80 ? r >= 48 && r <= 57 : inTable('N', r));
export const isPunct = (r: number) => inTable('P', r);
export const isControl = (r: number) => inTable('Cc', r);
export const isSymbol = (r: number) => inTable('S', r);
export const isMark = (r: number) => inTable('M', r);
/** unicode.IsPrint / strconv.IsPrint: L, M, N, P, S and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  return inTable('L', r) || inTable('M', r) || inTable('N', r) || inTable('P', r) || inTable('S', r);
}
/** unicode.IsGraphic / strconv.IsGraphic: IsPrint plus the space separators. */
export const isGraphic = (r: number) => isPrint(r) || inTable('Zs', r);

const caseTables = new Map<string, Int32Array>();
function mapRune(kind: 'upper' | 'lower' | 'title', r: number): number {
  let t = caseTables.get(kind);
  if (!t) { t = decode(caseMappings[kind]); caseTables.set(kind, t); }
  let lo = 0, hi = t.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r < t[3 * mid]) hi = mid - 1;
    else if (r > t[3 * mid + 1]) lo = mid + 1;
    else return r + t[3 * mid + 2];
  }
  return r;
}

export const toUpper = (r: number) => (r < 0x80 ? (r >= 97 && r <= 122 ? r - 32 : r) : mapRune('upper', r));
export const toLower = (r: number) => (r < 0x80 ? (r >= 65 && r <= 90 ? r + 32 : r) : mapRune('lower', r));
export const toTitle = (r: number) => (r < 0x80 ? (r >= 97 && r <= 122 ? r - 32 : r) : mapRune('title', r));

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
    // Not declared in decls.ts yet; ready for when they are.
    'unicode.IsTitle': b(isTitle),
    'unicode.IsGraphic': b(isGraphic),
    'unicode.IsMark': b(isMark),
    'unicode.IsSymbol': b(isSymbol),
    'unicode.ToUpper': m(toUpper),
    'unicode.ToLower': m(toLower),
    'unicode.ToTitle': m(toTitle),
  },
};
