// Package bytes: the subset decls.ts declares, on []byte slices (arrays of byte numbers).
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoString, Pointer, SliceValue } from '../runtime/values.ts';
import type { GoInt } from '../runtime/values.ts';
import { encodeRune } from './fmt/quote.ts';
import { appendBytes, bytesOf, newStructPointer, panicString, stringOf } from './fmt/values.ts';
import { count, equalFold, fieldsBy, lower, replace, runes, trimLeftBy, trimRightBy, upper } from './strings.ts';
import { isSpace } from './unicode.ts';
import { SLICE, SLOT, STRING, alloc, arrayCost, fits } from '../runtime/memory.ts';

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

/** b[from:to:to]: Go's splitters cap each piece so appending to one cannot overwrite the next. */
function capped(b: SliceValue, from: number, to: number): SliceValue {
  return { arr: b.arr, off: b.off + from, len: to - from, cap: to - from };
}

function byteSlices(items: Bytes[]): SliceValue<Bytes> {
  alloc(arrayCost(items.length, SLOT + SLICE));
  return { arr: items, off: 0, len: items.length, cap: items.length };
}

/** Go's bytes genSplit: n < 0 means all; sepSave bytes of sep stay with each piece. */
function split(b: Bytes, sep: GoString, sepSave: number, n: number): SliceValue<Bytes> | null {
  if (n === 0) return null;
  const s = stringOf(b);
  const out: Bytes[] = [];
  if (sep === '') {
    // One piece per UTF-8 sequence, the last piece holding whatever is left once n is reached.
    const all = [...runes(s)];
    if (n < 0 || n > all.length) n = all.length;
    for (let i = 0; i < n; i++) {
      const [, at, w] = all[i]!;
      out.push(i === n - 1 ? subslice(b!, at, b!.len) : capped(b!, at, at + w));
    }
    return byteSlices(out);
  }
  if (n < 0) n = count(s, sep) + 1;
  if (n > s.length + 1) n = s.length + 1;
  let at = 0;
  while (out.length < n - 1) {
    const m = s.indexOf(sep, at);
    if (m < 0) break;
    out.push(capped(b!, at, m + sepSave));
    at = m + sep.length;
  }
  out.push(b === null ? null : subslice(b, at, b.len));
  return byteSlices(out);
}

function runeSet(cutset: GoString): (r: number) => boolean {
  const set = new Set<number>();
  for (const [r] of runes(cutset)) set.add(r);
  return (r) => set.has(r);
}

/** s with the runes f accepts cut from both ends; Go hands back nil when nothing is left. */
function trimBy(a: Bytes, f: (r: number) => boolean): Bytes {
  if (a === null) return null;
  const s = stringOf(a);
  const left = trimLeftBy(s, f);
  const start = s.length - left.length;
  const end = start + trimRightBy(left, f).length;
  return start === end ? null : subslice(a, start, end);
}

export const pkg: NativePackage = {
  path: 'bytes',
  natives: {
    'bytes.Buffer.String': (_ctx: NativeCtx, b: Pointer<unknown[]> | null) => {
      if (b === null) return '<nil>';
      const u = unread(b.load());
      alloc((u?.len ?? 0) + STRING);
      return stringOf(u);
    },
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
    'bytes.TrimSpace': (_ctx: NativeCtx, a: Bytes) => trimBy(a, isSpace),
    'bytes.Trim': (_ctx: NativeCtx, a: Bytes, cutset: GoString) => (cutset === '' && a !== null && a.len > 0 ? a : trimBy(a, runeSet(cutset))),
    'bytes.TrimPrefix': (_ctx: NativeCtx, a: Bytes, p: Bytes) => {
      const s = stringOf(a), x = stringOf(p);
      return a !== null && s.startsWith(x) ? subslice(a, x.length, a.len) : a;
    },
    'bytes.TrimSuffix': (_ctx: NativeCtx, a: Bytes, p: Bytes) => {
      const s = stringOf(a), x = stringOf(p);
      return a !== null && s.endsWith(x) ? subslice(a, 0, a.len - x.length) : a;
    },
    'bytes.NewBuffer': (_ctx: NativeCtx, buf: Bytes) => newStructPointer([buf, 0]),
    'bytes.Split': (_ctx: NativeCtx, a: Bytes, sep: Bytes) => split(a, stringOf(sep), 0, -1),
    'bytes.SplitN': (_ctx: NativeCtx, a: Bytes, sep: Bytes, n: GoInt) => split(a, stringOf(sep), 0, Number(n)),
    'bytes.SplitAfter': (_ctx: NativeCtx, a: Bytes, sep: Bytes) => split(a, stringOf(sep), stringOf(sep).length, -1),
    'bytes.Fields': (_ctx: NativeCtx, a: Bytes) => {
      const s = stringOf(a);
      const out: Bytes[] = [];
      let at = 0;
      for (const f of fieldsBy(s, isSpace)) {
        const i = s.indexOf(f, at);
        out.push(capped(a!, i, i + f.length));
        at = i + f.length;
      }
      return byteSlices(out);
    },
    'bytes.Join': (_ctx: NativeCtx, ss: SliceValue<Bytes> | null, sep: Bytes) => {
      const parts: GoString[] = [];
      for (let i = 0; i < (ss?.len ?? 0); i++) parts.push(stringOf(ss!.arr[ss!.off + i]!));
      // A single element is copied with append, which leaves an empty one nil.
      if (parts.length === 1 && parts[0] === '') return null;
      return bytesOf(parts.join(stringOf(sep)));
    },
    'bytes.Repeat': (ctx: NativeCtx, a: Bytes, n: GoInt) => {
      if (n < 0) panicString(ctx, 'bytes: negative Repeat count');
      // The result must fit before the string it is made from is built.
      fits(arrayCost((a?.len ?? 0) * Number(n), SLOT));
      return bytesOf(stringOf(a).repeat(Number(n)));
    },
    'bytes.Count': (_ctx: NativeCtx, a: Bytes, sep: Bytes) => count(stringOf(a), stringOf(sep)),
    'bytes.IndexByte': (_ctx: NativeCtx, a: Bytes, c: number) => stringOf(a).indexOf(String.fromCharCode(c)),
    'bytes.LastIndex': (_ctx: NativeCtx, a: Bytes, sep: Bytes) => stringOf(a).lastIndexOf(stringOf(sep)),
    'bytes.ContainsRune': (_ctx: NativeCtx, a: Bytes, r: number) => {
      for (const [c] of runes(stringOf(a))) if (c === r) return true;
      return false;
    },
    'bytes.ContainsAny': (_ctx: NativeCtx, a: Bytes, chars: GoString) => {
      const has = runeSet(chars);
      for (const [c] of runes(stringOf(a))) if (has(c)) return true;
      return false;
    },
    'bytes.Cut': (_ctx: NativeCtx, a: Bytes, sep: Bytes) => {
      const s = stringOf(a), x = stringOf(sep);
      const i = s.indexOf(x);
      if (i < 0) return [a, null, false];
      return [subslice(a!, 0, i), subslice(a!, i + x.length, a!.len), true];
    },
    'bytes.ReplaceAll': (_ctx: NativeCtx, a: Bytes, o: Bytes, n: Bytes) => {
      const s = stringOf(a);
      const out = replace(s, stringOf(o), stringOf(n), -1);
      // Go copies with append when nothing matches, so an empty input comes back nil.
      return out === '' ? (s === '' ? null : bytesOf('')) : bytesOf(out);
    },
    'bytes.EqualFold': (_ctx: NativeCtx, a: Bytes, b: Bytes) => equalFold(stringOf(a), stringOf(b)),
  },
};
