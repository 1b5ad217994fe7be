// Package bytes: the subset decls.ts declares, on []byte slices (arrays of byte numbers).
import type { NativeCtx, NativePackage } from './native.ts';
import type { GoString, Pointer, SliceValue } from '../values.ts';
import { encodeRune } from './fmt/quote.ts';
import { appendBytes, bytesOf, newStructPointer, stringOf } from './fmt/values.ts';
import { lower, trimLeftBy, trimRightBy, upper } from './strings.ts';
import { isSpace } from './unicode.ts';

type Bytes = SliceValue | null;

function buffer(b: Pointer<unknown[]> | null, ctx: NativeCtx): unknown[] {
  if (b === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return b.load();
}

/** The unread part of a Buffer: buf[off:]. */
function unread(sv: unknown[]): Bytes {
  const buf = sv[0] as Bytes;
  const off = Number(sv[1]);
  if (buf === null) return null;
  return { arr: buf.arr, off: buf.off + off, len: buf.len - off, cap: buf.cap - off };
}

function write(sv: unknown[], s: GoString): void {
  sv[0] = appendBytes(sv[0] as Bytes, s);
}

function subslice(b: SliceValue, from: number, to: number): SliceValue {
  return { arr: b.arr, off: b.off + from, len: to - from, cap: b.cap - from };
}

export const pkg: NativePackage = {
  path: 'bytes',
  natives: {
    'bytes.Buffer.String': (_ctx: NativeCtx, b: Pointer<unknown[]> | null) => (b === null ? '<nil>' : stringOf(unread(b.load()))),
    'bytes.Buffer.Len': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => unread(buffer(b, ctx))?.len ?? 0,
    'bytes.Buffer.Bytes': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => unread(buffer(b, ctx)),
    'bytes.Buffer.Reset': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => {
      const sv = buffer(b, ctx);
      const buf = sv[0] as Bytes;
      sv[0] = buf === null ? null : { arr: buf.arr, off: buf.off, len: 0, cap: buf.cap };
      sv[1] = 0;
    },
    'bytes.Buffer.Write': (ctx: NativeCtx, b: Pointer<unknown[]> | null, p: Bytes) => {
      const s = stringOf(p);
      write(buffer(b, ctx), s);
      return [s.length, null];
    },
    'bytes.Buffer.WriteByte': (ctx: NativeCtx, b: Pointer<unknown[]> | null, c: number) => {
      write(buffer(b, ctx), String.fromCharCode(c));
      return null;
    },
    'bytes.Buffer.WriteRune': (ctx: NativeCtx, b: Pointer<unknown[]> | null, r: number) => {
      const s = encodeRune(r);
      write(buffer(b, ctx), s);
      return [s.length, null];
    },
    'bytes.Buffer.WriteString': (ctx: NativeCtx, b: Pointer<unknown[]> | null, s: GoString) => {
      write(buffer(b, ctx), s);
      return [s.length, null];
    },
    'bytes.NewBufferString': (_ctx: NativeCtx, s: GoString) => newStructPointer([bytesOf(s), 0]),
    'bytes.Equal': (_ctx: NativeCtx, a: Bytes, b: Bytes) => stringOf(a) === stringOf(b),
    'bytes.Compare': (_ctx: NativeCtx, a: Bytes, b: Bytes) => {
      const x = stringOf(a), y = stringOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    },
    'bytes.Contains': (_ctx: NativeCtx, a: Bytes, sub: Bytes) => stringOf(a).includes(stringOf(sub)),
    'bytes.Index': (_ctx: NativeCtx, a: Bytes, sub: Bytes) => stringOf(a).indexOf(stringOf(sub)),
    'bytes.HasPrefix': (_ctx: NativeCtx, a: Bytes, p: Bytes) => stringOf(a).startsWith(stringOf(p)),
    'bytes.HasSuffix': (_ctx: NativeCtx, a: Bytes, p: Bytes) => stringOf(a).endsWith(stringOf(p)),
    'bytes.ToUpper': (_ctx: NativeCtx, a: Bytes) => bytesOf(upper(stringOf(a))),
    'bytes.ToLower': (_ctx: NativeCtx, a: Bytes) => bytesOf(lower(stringOf(a))),
    'bytes.TrimSpace': (_ctx: NativeCtx, a: Bytes) => {
      if (a === null) return null;
      const s = stringOf(a);
      const left = trimLeftBy(s, isSpace);
      const start = s.length - left.length;
      const end = start + trimRightBy(left, isSpace).length;
      if (start === end) return null;
      return subslice(a, start, end);
    },
  },
};
