// Go's quoting rules (strconv.Quote and friends) and the UTF-8 byte helpers they rest on.
// Strings here are GoStrings: one char per byte.
import { decodeRune } from '../../runtime/values.ts';
import type { GoString } from '../../runtime/values.ts';
import { isGraphic as unicodeIsGraphic, isPrint as unicodeIsPrint } from '../unicode.ts';

export const RUNE_ERROR = 0xfffd;
export const MAX_RUNE = 0x10ffff;

export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= MAX_RUNE);
}

/** utf8.AppendRune: the bytes of r, U+FFFD for an invalid rune. */
export function encodeRune(r: number): GoString {
  if (r >= 0 && r < 0x80) return String.fromCharCode(r);
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 63));
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
  return String.fromCharCode(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 63), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
}

export function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  if (r <= MAX_RUNE) return 4;
  return -1;
}

/** Number of runes in a byte string, as utf8.RuneCountInString counts them. */
export function runeCount(s: GoString): number {
  let n = 0;
  for (let i = 0; i < s.length; n++) {
    i += s.charCodeAt(i) < 0x80 ? 1 : decodeRune(s, i)[1];
  }
  return n;
}

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r <= 0xff) {
    if (r >= 0x20 && r <= 0x7e) return true;
    if (r >= 0xa1 && r <= 0xff) return r !== 0xad;
    return false;
  }
  return validRune(r) && unicodeIsPrint(r);
}

/** strconv.IsGraphic: IsPrint plus the Unicode space separators. */
export function isGraphic(r: number): boolean {
  return isPrint(r) || (validRune(r) && unicodeIsGraphic(r));
}

const hexDigits = '0123456789abcdef';

function hex(v: number, n: number): string {
  let s = '';
  for (let i = n - 1; i >= 0; i--) s += hexDigits[Math.floor(v / 16 ** i) % 16];
  return s;
}

function escapedRune(r: number, quote: number, asciiOnly: boolean, graphicOnly: boolean): GoString {
  if (r === quote || r === 0x5c) return '\\' + String.fromCharCode(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r) || (graphicOnly && isGraphic(r))) {
    return encodeRune(r);
  }
  switch (r) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (!validRune(r)) r = RUNE_ERROR;
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

function quoteWith(s: GoString, quote: number, asciiOnly: boolean, graphicOnly: boolean): GoString {
  let out = String.fromCharCode(quote);
  for (let i = 0; i < s.length; ) {
    const b = s.charCodeAt(i);
    if (b < 0x80) {
      out += escapedRune(b, quote, asciiOnly, graphicOnly);
      i++;
      continue;
    }
    const [r, w] = decodeRune(s, i);
    if (w === 1 && r === RUNE_ERROR) {
      out += '\\x' + hex(b, 2);
      i++;
      continue;
    }
    out += escapedRune(r, quote, asciiOnly, graphicOnly);
    i += w;
  }
  return out + String.fromCharCode(quote);
}

export const quote = (s: GoString): GoString => quoteWith(s, 0x22, false, false);
export const quoteToASCII = (s: GoString): GoString => quoteWith(s, 0x22, true, false);
export const quoteToGraphic = (s: GoString): GoString => quoteWith(s, 0x22, false, true);

function quoteRuneWith(r: number, asciiOnly: boolean, graphicOnly: boolean): GoString {
  if (!validRune(r)) r = RUNE_ERROR;
  return "'" + escapedRune(r, 0x27, asciiOnly, graphicOnly) + "'";
}
export const quoteRune = (r: number): GoString => quoteRuneWith(r, false, false);
export const quoteRuneToASCII = (r: number): GoString => quoteRuneWith(r, true, false);
export const quoteRuneToGraphic = (r: number): GoString => quoteRuneWith(r, false, true);

/** strconv.CanBackquote: no control characters other than tab, no backquote, valid UTF-8, no BOM. */
export function canBackquote(s: GoString): boolean {
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    i += w;
    if (w > 1) {
      if (r === 0xfeff) return false;
      continue;
    }
    if (r === RUNE_ERROR) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}
