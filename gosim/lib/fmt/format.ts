// The low-level half of fmt (Go's fmt/format.go): flags, width, precision and padding applied to
// one already-typed operand. Output accumulates in `buf` as a GoString of bytes.
import type { GoString } from '../../runtime/values.ts';
import { formatFloat } from '../../runtime/floats.ts';
import {
  canBackquote, encodeRune, isPrint, MAX_RUNE, quote, quoteRune, quoteRuneToASCII, quoteToASCII,
  RUNE_ERROR, runeCount,
} from './quote.ts';
import { decodeRune } from '../../runtime/values.ts';
import { fits } from '../../runtime/memory.ts';

export const LDIGITS = '0123456789abcdefx';
export const UDIGITS = '0123456789ABCDEFX';

export class Fmt {
  buf: GoString = '';
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  /** %+v and %#v: the verb's own flags, kept apart from + and # which then mean nothing. */
  plusV = false;
  sharpV = false;

  clearFlags(): void {
    this.wid = 0; this.prec = 0;
    this.widPresent = false; this.precPresent = false;
    this.minus = false; this.plus = false; this.sharp = false; this.space = false; this.zero = false;
    this.plusV = false; this.sharpV = false;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    fits(this.buf.length + n);
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  pad(s: GoString): void {
    // The text being built must fit in the program's memory (Sprint(s, s, s, ...) of a long s).
    if (s.length > 4096) fits(this.buf.length + s.length);
    if (!this.widPresent || this.wid === 0) { this.buf += s; return; }
    const width = this.wid - runeCount(s);
    if (!this.minus) { this.writePadding(width); this.buf += s; }
    else { this.buf += s; this.writePadding(width); }
  }

  fmtBoolean(v: boolean): void { this.pad(v ? 'true' : 'false'); }

  /** u is the magnitude as a non-negative number or bigint; negative says the value was below zero. */
  fmtInteger(value: number | bigint, base: number, signed: boolean, verb: string, digits: string): void {
    let negative = false;
    let u: number | bigint = value;
    if (signed && value < 0) { negative = true; u = typeof value === 'bigint' ? -value : -value; }
    else if (!signed && value < 0) u = BigInt.asUintN(64, BigInt(value));
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && (u === 0 || u === 0n)) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let num = u.toString(base);
    if (digits === UDIGITS) num = num.toUpperCase();
    if (prec > num.length) num = '0'.repeat(prec - num.length) + num;
    if (this.sharp) {
      if (base === 2) num = '0b' + num;
      else if (base === 8) { if (num[0] !== '0') num = '0' + num; }
      else if (base === 16) num = '0' + digits[16] + num;
    }
    if (verb === 'O') num = '0o' + num;
    if (negative) num = '-' + num;
    else if (this.plus) num = '+' + num;
    else if (this.space) num = ' ' + num;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(num);
    this.zero = oldZero;
  }

  /** Truncate to the precision, counted in runes. */
  truncate(s: GoString): GoString {
    if (this.precPresent) {
      let n = this.prec;
      for (let i = 0; i < s.length; ) {
        n--;
        if (n < 0) return s.slice(0, i);
        i += s.charCodeAt(i) < 0x80 ? 1 : decodeRune(s, i)[1];
      }
    }
    return s;
  }

  fmtS(s: GoString): void { this.pad(this.truncate(s)); }

  /** Hex encoding of a string or byte list (%x %X), with the # and space flags. */
  fmtSbx(s: GoString, digits: string): void {
    let length = s.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = this.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = s.charCodeAt(i);
      out += digits[c >> 4] + digits[c & 15];
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: GoString): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) { this.pad('`' + s + '`'); return; }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  /** A code point from an integer operand: out of range becomes U+FFFD. */
  private static rune(c: number | bigint): number {
    if (typeof c === 'bigint' || c < 0 || c > MAX_RUNE) return RUNE_ERROR;
    return c;
  }

  fmtC(c: number | bigint): void { this.pad(encodeRune(Fmt.rune(c))); }

  fmtQc(c: number | bigint): void {
    const r = Fmt.rune(c);
    this.pad(this.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  fmtUnicode(c: number | bigint): void {
    const u = typeof c === 'bigint' ? BigInt.asUintN(64, c) : c < 0 ? BigInt.asUintN(64, BigInt(c)) : c;
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let hex = u.toString(16).toUpperCase();
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = 'U+' + hex;
    if (this.sharp && typeof u === 'number' && u <= MAX_RUNE && isPrint(u)) s += " '" + encodeRune(u) + "'";
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtFloat(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec, size);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
      let tail = '';
      let hasDot = false, sawNonzero = false;
      let body = num;
      for (let i = 1; i < body.length; i++) {
        const ch = body[i];
        if (ch === '.') { hasDot = true; continue; }
        if (ch === 'p' || ch === 'P' || ((ch === 'e' || ch === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        }
        if (ch !== '0') sawNonzero = true;
        if (sawNonzero) digits--;
      }
      if (!hasDot) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      if (digits > 0) body += '0'.repeat(digits);
      num = body + tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}
