// Package strconv: Go's number parsing (with its exact *NumError values and messages), number
// formatting (shared with fmt) and quoting.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt, GoString, Iface, Pointer, SliceValue } from '../runtime/values.ts';
import { decodeRune, normInt } from '../runtime/values.ts';
import { formatFloat } from '../runtime/floats.ts';
import {
  canBackquote, encodeRune, isGraphic, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII, quoteToGraphic, validRune,
} from './fmt/quote.ts';
import { appendBytes, newError, newStructPointer, panicString, pointerTo } from './fmt/values.ts';
import { made } from './strings.ts';

interface StrconvErrors { syntax: Iface; range: Iface }
const errorsByRun = new WeakMap<object, StrconvErrors>();

/** ErrSyntax and ErrRange: one value per run, so errors.Is finds them inside a *NumError. */
function errs(ctx: NativeCtx): StrconvErrors {
  let e = errorsByRun.get(ctx);
  if (!e) {
    e = { syntax: newError(ctx, 'invalid syntax'), range: newError(ctx, 'value out of range') };
    errorsByRun.set(ctx, e);
  }
  return e;
}

class ParseError {
  constructor(readonly fn: string, readonly num: GoString, readonly err: Iface | 'syntax' | 'range') {}
}

function numError(ctx: NativeCtx, e: ParseError): Iface {
  const err = e.err === 'syntax' ? errs(ctx).syntax : e.err === 'range' ? errs(ctx).range : e.err;
  return { t: pointerTo(ctx, 'strconv.NumError'), v: newStructPointer([e.fn, e.num, err]) };
}

const lower = (c: number) => c | 0x20;

export function underscoreOK(s: GoString): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const c = lower(s.charCodeAt(1));
    if (c === 98 || c === 111 || c === 120) { i = 2; saw = '0'; hex = c === 120; }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (hex && lower(c) >= 97 && lower(c) <= 102)) { saw = '0'; continue; }
    if (c === 95) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** ParseUint's result, or a ParseError carrying the value Go returns alongside it. */
function parseUint(ctx: NativeCtx, fn: string, s: GoString, base: number, bitSize: number): [bigint, ParseError | null] {
  if (s === '') return [0n, new ParseError(fn, s, 'syntax')];
  const base0 = base === 0;
  const s0 = s;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const c = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (c === 98) { base = 2; s = s.slice(2); }
      else if (c === 111) { base = 8; s = s.slice(2); }
      else if (c === 120) { base = 16; s = s.slice(2); }
      else { base = 8; s = s.slice(1); }
    }
  } else if (base < 2 || base > 36) {
    return [0n, new ParseError(fn, s0, newError(ctx, 'invalid base ' + base))];
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) return [0n, new ParseError(fn, s0, newError(ctx, 'invalid bit size ' + bitSize))];
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let underscores = false;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 95 && base0) { underscores = true; continue; }
    if (c >= 48 && c <= 57) d = c - 48;
    else if (lower(c) >= 97 && lower(c) <= 122) d = lower(c) - 97 + 10;
    else return [0n, new ParseError(fn, s0, 'syntax')];
    if (d >= base) return [0n, new ParseError(fn, s0, 'syntax')];
    n = n * b + BigInt(d);
    if (n > maxVal) return [maxVal, new ParseError(fn, s0, 'range')];
  }
  if (underscores && !underscoreOK(s0)) return [0n, new ParseError(fn, s0, 'syntax')];
  return [n, null];
}

function parseInt(ctx: NativeCtx, fn: string, s: GoString, base: number, bitSize: number): [bigint, ParseError | null] {
  if (s === '') return [0n, new ParseError(fn, s, 'syntax')];
  const s0 = s;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') { neg = true; s = s.slice(1); }
  const [un, err] = parseUint(ctx, fn, s, base, bitSize);
  if (err !== null && err.err !== 'range') return [0n, new ParseError(fn, s0, err.err)];
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && un >= cutoff) return [cutoff - 1n, new ParseError(fn, s0, 'range')];
  if (neg && un > cutoff) return [-cutoff, new ParseError(fn, s0, 'range')];
  return [neg ? -un : un, null];
}

function atoi(ctx: NativeCtx, s: GoString): [GoInt, Iface | null] {
  if (s.length > 0 && s.length < 16) {
    let i = 0;
    if (s[0] === '-' || s[0] === '+') {
      i = 1;
      if (s.length < 2) return [0, numError(ctx, new ParseError('Atoi', s, 'syntax'))];
    }
    let n = 0;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return [0, numError(ctx, new ParseError('Atoi', s, 'syntax'))];
      n = n * 10 + d;
    }
    return [s[0] === '-' ? (n === 0 ? 0 : -n) : n, null];
  }
  const [v, err] = parseInt(ctx, 'Atoi', s, 10, 0);
  return [normInt(v), err ? numError(ctx, err) : null];
}

const special = /^[+-]?(inf|infinity|nan)$/i;

/** ParseFloat's syntax: decimal or hexadecimal mantissa, optional exponent, underscores as in Go. */
function parseFloat(ctx: NativeCtx, s: GoString, bitSize: number): [number, Iface | null] {
  const fail = (kind: 'syntax' | 'range', v = 0): [number, Iface | null] => [v, numError(ctx, new ParseError('ParseFloat', s, kind))];
  const m = special.exec(s);
  if (m) {
    const w = m[1].toLowerCase();
    if (w === 'nan') return s[0] === '+' || s[0] === '-' ? fail('syntax') : [NaN, null];
    return [s[0] === '-' ? -Infinity : Infinity, null];
  }
  let body = s;
  if (body.includes('_')) {
    if (!underscoreOK(body)) return fail('syntax');
    body = body.replace(/_/g, '');
  }
  let v: number;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
  if (hex) {
    const [, sign, ip, fp = '', ex] = hex;
    if (ip === '' && fp === '') return fail('syntax');
    const mant = BigInt('0x' + (ip + fp || '0'));
    v = Number(mant) * 2 ** (Number(ex) - 4 * fp.length);
    if (sign === '-') v = -v;
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    v = Number(body);
  } else return fail('syntax');
  if (bitSize === 32) v = Math.fround(v);
  if (!Number.isFinite(v)) return fail('range', v);
  return [v, null];
}

function parseBool(s: GoString): boolean | null {
  switch (s) {
    case '1': case 't': case 'T': case 'true': case 'TRUE': case 'True': return true;
    case '0': case 'f': case 'F': case 'false': case 'FALSE': case 'False': return false;
  }
  return null;
}

function formatInt(ctx: NativeCtx, i: GoInt, base: number): GoString {
  if (base < 2 || base > 36) panicString(ctx, 'strconv: illegal AppendInt/FormatInt base');
  return i.toString(base);
}

function unquoteChar(s: GoString, quoteCh: number): [number, boolean, GoString] | null {
  const c = s.charCodeAt(0);
  if (c === quoteCh && (quoteCh === 0x27 || quoteCh === 0x22)) return null;
  if (c >= 0x80) {
    const [r, n] = decodeRune(s, 0);
    return [r, true, s.slice(n)];
  }
  if (c !== 0x5c) return [c, false, s.slice(1)];
  if (s.length <= 1) return null;
  const e = s[1];
  let rest = s.slice(2);
  const hexVal = (n: number): number | null => {
    if (rest.length < n) return null;
    let v = 0;
    for (let j = 0; j < n; j++) {
      const d = parseInt16(rest.charCodeAt(j));
      if (d < 0) return null;
      v = v * 16 + d;
    }
    rest = rest.slice(n);
    return v;
  };
  switch (e) {
    case 'a': return [7, false, rest];
    case 'b': return [8, false, rest];
    case 'f': return [12, false, rest];
    case 'n': return [10, false, rest];
    case 'r': return [13, false, rest];
    case 't': return [9, false, rest];
    case 'v': return [11, false, rest];
    case 'x': { const v = hexVal(2); return v === null ? null : [v, false, rest]; }
    case 'u': case 'U': {
      const v = hexVal(e === 'u' ? 4 : 8);
      if (v === null || !validRune(v)) return null;
      return [v, true, rest];
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      let v = e.charCodeAt(0) - 48;
      if (rest.length < 2) return null;
      for (let j = 0; j < 2; j++) {
        const d = rest.charCodeAt(j) - 48;
        if (d < 0 || d > 7) return null;
        v = v * 8 + d;
      }
      if (v > 255) return null;
      return [v, false, rest.slice(2)];
    }
    case '\\': return [0x5c, false, rest];
    case "'": case '"':
      if (e.charCodeAt(0) !== quoteCh) return null;
      return [e.charCodeAt(0), false, rest];
  }
  return null;
}

function parseInt16(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (lower(c) >= 97 && lower(c) <= 102) return lower(c) - 87;
  return -1;
}

/** strconv.Unquote; null means ErrSyntax. */
export function unquote(s: GoString): GoString | null {
  if (s.length < 2) return null;
  const q = s.charCodeAt(0);
  if (q === 0x60) {
    if (s.charCodeAt(s.length - 1) !== 0x60 || s.slice(1, -1).includes('`')) return null;
    return s.slice(1, -1).replace(/\r/g, '');
  }
  if (q !== 0x22 && q !== 0x27) return null;
  let rest = s.slice(1);
  let out = '';
  while (rest.length > 0 && rest.charCodeAt(0) !== q) {
    if (rest.charCodeAt(0) === 10) return null;
    const r = unquoteChar(rest, q);
    if (r === null) return null;
    const [ch, multibyte, rem] = r;
    out += ch < 0x80 || !multibyte ? String.fromCharCode(ch) : encodeRune(ch);
    rest = rem;
    if (q === 0x27) break;
  }
  if (!(rest.length > 0 && rest.charCodeAt(0) === q)) return null;
  if (rest.length !== 1) return null;
  return out;
}

function results<T>(ctx: NativeCtx, v: T, e: ParseError | null): [T, Iface | null] {
  return [v, e ? numError(ctx, e) : null];
}

export const pkg: NativePackage = {
  path: 'strconv',
  natives: {
    'strconv.ErrSyntax': (ctx: NativeCtx) => errs(ctx).syntax,
    'strconv.ErrRange': (ctx: NativeCtx) => errs(ctx).range,
    *'strconv.NumError.Error'(ctx: NativeCtx, p: Pointer<unknown[]> | null) {
      if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      const [fn, num, err] = p.load() as [GoString, GoString, Iface | null];
      let msg = '<nil>';
      if (err !== null) {
        const m = ctx.method(err, 'Error');
        if (m) msg = (yield* ctx.call(m)) as GoString;
      }
      return 'strconv.' + fn + ': parsing ' + quote(num) + ': ' + msg;
    },
    'strconv.NumError.Unwrap': (ctx: NativeCtx, p: Pointer<unknown[]> | null) => {
      if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      return p.load()[2];
    },
    'strconv.Itoa': (_ctx: NativeCtx, i: GoInt) => String(i),
    'strconv.Atoi': (ctx: NativeCtx, s: GoString) => atoi(ctx, s),
    'strconv.FormatInt': (ctx: NativeCtx, i: GoInt, base: GoInt) => formatInt(ctx, i, Number(base)),
    'strconv.FormatUint': (ctx: NativeCtx, i: GoInt, base: GoInt) => formatInt(ctx, i, Number(base)),
    'strconv.FormatFloat': (ctx: NativeCtx, f: number, fmt: number, prec: GoInt, bitSize: GoInt) => {
      if (bitSize !== 32 && bitSize !== 64) panicString(ctx, 'strconv: illegal AppendFloat/FormatFloat bitSize');
      return formatFloat(f, String.fromCharCode(fmt), Number(prec), bitSize);
    },
    'strconv.FormatBool': (_ctx: NativeCtx, b: boolean) => (b ? 'true' : 'false'),
    'strconv.ParseInt': (ctx: NativeCtx, s: GoString, base: GoInt, bitSize: GoInt) => {
      const [v, e] = parseInt(ctx, 'ParseInt', s, Number(base), Number(bitSize));
      return results(ctx, normInt(v), e);
    },
    'strconv.ParseUint': (ctx: NativeCtx, s: GoString, base: GoInt, bitSize: GoInt) => {
      const [v, e] = parseUint(ctx, 'ParseUint', s, Number(base), Number(bitSize));
      return results(ctx, normInt(v), e);
    },
    'strconv.ParseFloat': (ctx: NativeCtx, s: GoString, bitSize: GoInt) => parseFloat(ctx, s, Number(bitSize)),
    'strconv.ParseBool': (ctx: NativeCtx, s: GoString) => {
      const b = parseBool(s);
      return b === null ? [false, numError(ctx, new ParseError('ParseBool', s, 'syntax'))] : [b, null];
    },
    'strconv.Quote': (_ctx: NativeCtx, s: GoString) => made(quote(s)),
    'strconv.QuoteRune': (_ctx: NativeCtx, r: number) => quoteRune(r),
    'strconv.Unquote': (ctx: NativeCtx, s: GoString) => {
      const out = unquote(s);
      return out === null ? ['', errs(ctx).syntax] : [out, null];
    },
    'strconv.AppendInt': (ctx: NativeCtx, dst: SliceValue | null, i: GoInt, base: GoInt) => appendBytes(dst, formatInt(ctx, i, Number(base))),
    'strconv.AppendQuote': (_ctx: NativeCtx, dst: SliceValue | null, s: GoString) => appendBytes(dst, quote(s)),
    // Not declared in decls.ts yet; ready for when they are.
    'strconv.QuoteToASCII': (_ctx: NativeCtx, s: GoString) => made(quoteToASCII(s)),
    'strconv.QuoteToGraphic': (_ctx: NativeCtx, s: GoString) => made(quoteToGraphic(s)),
    'strconv.QuoteRuneToASCII': (_ctx: NativeCtx, r: number) => quoteRuneToASCII(r),
    'strconv.CanBackquote': (_ctx: NativeCtx, s: GoString) => canBackquote(s),
    'strconv.IsPrint': (_ctx: NativeCtx, r: number) => isPrint(r),
    'strconv.IsGraphic': (_ctx: NativeCtx, r: number) => isGraphic(r),
    'strconv.AppendBool': (_ctx: NativeCtx, dst: SliceValue | null, b: boolean) => appendBytes(dst, b ? 'true' : 'false'),
    'strconv.AppendFloat': (_ctx: NativeCtx, dst: SliceValue | null, f: number, fmt: number, prec: GoInt, bitSize: GoInt) =>
      appendBytes(dst, formatFloat(f, String.fromCharCode(fmt), Number(prec), Number(bitSize) === 32 ? 32 : 64)),
    'strconv.AppendQuoteRune': (_ctx: NativeCtx, dst: SliceValue | null, r: number) => appendBytes(dst, quoteRune(r)),
  },
};
