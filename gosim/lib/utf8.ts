// Package unicode/utf8 over GoStrings (one char per byte) and []byte slices.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoString, SliceValue } from '../runtime/values.ts';
import { decodeRune } from '../runtime/values.ts';
import { encodeRune, RUNE_ERROR, runeCount, runeLen, validRune } from './fmt/quote.ts';
import { appendBytes, stringOf } from './fmt/values.ts';

export function decodeRuneInString(s: GoString): [number, number] {
  if (s.length === 0) return [RUNE_ERROR, 0];
  return decodeRune(s, 0);
}

/** Go's DecodeLastRuneInString: back up to the start of the last sequence, at most 4 bytes. */
export function decodeLastRuneInString(s: GoString): [number, number] {
  const end = s.length;
  if (end === 0) return [RUNE_ERROR, 0];
  let start = end - 1;
  const r = s.charCodeAt(start);
  if (r < 0x80) return [r, 1];
  const lim = Math.max(end - 4, 0);
  for (start--; start >= lim; start--) {
    if ((s.charCodeAt(start) & 0xc0) !== 0x80) break;
  }
  if (start < 0) start = 0;
  const [rr, size] = decodeRune(s, start);
  if (start + size !== end) return [RUNE_ERROR, 1];
  return [rr, size];
}

export function validString(s: GoString): boolean {
  for (let i = 0; i < s.length; ) {
    if (s.charCodeAt(i) < 0x80) { i++; continue; }
    const [r, n] = decodeRune(s, i);
    if (r === RUNE_ERROR && n === 1) return false;
    i += n;
  }
  return true;
}

export const pkg: NativePackage = {
  path: 'unicode/utf8',
  natives: {
    'utf8.RuneCountInString': (_ctx: NativeCtx, s: GoString) => runeCount(s),
    'utf8.RuneCount': (_ctx: NativeCtx, p: SliceValue | null) => runeCount(stringOf(p)),
    'utf8.RuneLen': (_ctx: NativeCtx, r: number) => runeLen(r),
    'utf8.DecodeRuneInString': (_ctx: NativeCtx, s: GoString) => decodeRuneInString(s),
    'utf8.DecodeLastRuneInString': (_ctx: NativeCtx, s: GoString) => decodeLastRuneInString(s),
    'utf8.DecodeRune': (_ctx: NativeCtx, p: SliceValue | null) => decodeRuneInString(stringOf(p).slice(0, 4)),
    'utf8.EncodeRune': (ctx: NativeCtx, p: SliceValue | null, r: number) => {
      const bytes = encodeRune(r);
      const len = p === null ? 0 : p.len;
      if (len < bytes.length) ctx.runtimeError(`index out of range [${bytes.length - 1}] with length ${len}`);
      for (let i = 0; i < bytes.length; i++) p!.arr[p!.off + i] = bytes.charCodeAt(i);
      return bytes.length;
    },
    'utf8.AppendRune': (_ctx: NativeCtx, p: SliceValue | null, r: number) => appendBytes(p, encodeRune(r)),
    'utf8.ValidString': (_ctx: NativeCtx, s: GoString) => validString(s),
    'utf8.Valid': (_ctx: NativeCtx, p: SliceValue | null) => validString(stringOf(p)),
    'utf8.ValidRune': (_ctx: NativeCtx, r: number) => validRune(r),
  },
};
