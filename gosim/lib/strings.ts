// Package strings over GoStrings (one char per byte): byte indexes as Go reports them, runes
// decoded only where Go decodes them (case mapping, Fields, Trim cutsets, Split with "").
import type { GoFunc, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt, GoString, Iface, Pointer, SliceValue } from '../runtime/values.ts';
import { decodeRune } from '../runtime/values.ts';
import { encodeRune, RUNE_ERROR, runeCount, validRune } from './fmt/quote.ts';
import { appendBytes, bytesOf, newStructPointer, panicString, stringOf } from './fmt/values.ts';
import { methodSignature } from './errors.ts';
import { isSpace, toLower, toTitle, toUpper } from './unicode.ts';
import { MAX_STRING_LENGTH, OBJECT, SLOT, STRING, alloc, arrayCost, refuse } from '../runtime/memory.ts';

export type Gen<T> = Generator<unknown, T, unknown>;

/** A new []string of items (counted against the program's memory budget: the array and a substring object each). */
export function strSlice(items: GoString[]): SliceValue<GoString> {
  alloc(arrayCost(items.length, SLOT + OBJECT));
  return { arr: items, off: 0, len: items.length, cap: items.length };
}

/** A string handed to the program, counted against its memory budget. */
export function made(s: GoString): GoString {
  alloc(s.length + STRING);
  return s;
}

export function strItems(s: SliceValue | null): GoString[] {
  if (s === null) return [];
  return s.arr.slice(s.off, s.off + s.len) as GoString[];
}

/** Each rune of s with its byte offset and width; an invalid byte is U+FFFD of width 1. */
export function* runes(s: GoString): Generator<[rune: number, at: number, width: number]> {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const [r, n] = c < 0x80 ? [c, 1] : decodeRune(s, i);
    yield [r, i, n];
    i += n;
  }
}

export function mapRunes(s: GoString, f: (r: number) => number): GoString {
  let out = '';
  for (const [r] of runes(s)) {
    const m = f(r);
    if (m >= 0) out += encodeRune(m);
  }
  return out;
}

function isLetterOrDigitASCII(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

function isASCII(s: GoString): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function upper(s: GoString): GoString {
  return isASCII(s) ? s.toUpperCase() : mapRunes(s, toUpper);
}
export function lower(s: GoString): GoString {
  return isASCII(s) ? s.toLowerCase() : mapRunes(s, toLower);
}

export function count(s: GoString, sub: GoString): number {
  if (sub.length === 0) return runeCount(s) + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** Go's genSplit: n < 0 means all, sepSave bytes of sep stay with each piece (SplitAfter). */
export function genSplit(s: GoString, sep: GoString, sepSave: number, n: number): GoString[] | null {
  if (n === 0) return null;
  if (sep === '') {
    const l = runeCount(s);
    if (n < 0 || n > l) n = l;
    const out: GoString[] = [];
    let i = 0;
    for (const [, at, w] of runes(s)) {
      if (out.length === n - 1) { out.push(s.slice(at)); i = s.length; break; }
      out.push(s.slice(at, at + w));
      i = at + w;
    }
    void i;
    return out;
  }
  if (n < 0) n = count(s, sep) + 1;
  if (n > s.length + 1) n = s.length + 1;
  const out: GoString[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const m = rest.indexOf(sep);
    if (m < 0) break;
    out.push(rest.slice(0, m + sepSave));
    rest = rest.slice(m + sep.length);
  }
  out.push(rest);
  return out;
}

export function fieldsBy(s: GoString, isSep: (r: number) => boolean): GoString[] {
  const out: GoString[] = [];
  let start = -1;
  for (const [r, at] of runes(s)) {
    if (isSep(r)) {
      if (start >= 0) { out.push(s.slice(start, at)); start = -1; }
    } else if (start < 0) start = at;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

function runeSet(cutset: GoString): (r: number) => boolean {
  const set = new Set<number>();
  for (const [r] of runes(cutset)) set.add(r);
  return (r) => set.has(r);
}

export function trimLeftBy(s: GoString, f: (r: number) => boolean): GoString {
  for (const [r, at] of runes(s)) if (!f(r)) return s.slice(at);
  return '';
}

export function trimRightBy(s: GoString, f: (r: number) => boolean): GoString {
  let end = s.length;
  while (end > 0) {
    let start = end - 1;
    if (s.charCodeAt(start) >= 0x80) {
      const lim = Math.max(end - 4, 0);
      while (start > lim && (s.charCodeAt(start) & 0xc0) === 0x80) start--;
      const [r, n] = decodeRune(s, start);
      if (start + n !== end) { if (!f(RUNE_ERROR)) break; end--; continue; }
      if (!f(r)) break;
      end = start;
      continue;
    }
    if (!f(s.charCodeAt(start))) break;
    end = start;
  }
  return s.slice(0, end);
}

export function replace(s: GoString, old: GoString, nw: GoString, n: number): GoString {
  if (old === nw || n === 0) return s;
  const m = count(s, old);
  if (m === 0) return s;
  if (n < 0 || m < n) n = m;
  // The result is counted before it is built: a short s can still make a huge one.
  alloc(s.length + n * (nw.length - old.length));
  let out = '';
  let start = 0;
  for (let i = 0; i < n; i++) {
    let j = start;
    if (old.length === 0) {
      if (i > 0) j += s.charCodeAt(start) < 0x80 ? 1 : decodeRune(s, start)[1];
    } else j += s.slice(start).indexOf(old);
    out += s.slice(start, j) + nw;
    start = j + old.length;
  }
  return out + s.slice(start);
}

export function indexRune(s: GoString, r: number): number {
  if (r >= 0 && r < 0x80) return s.indexOf(String.fromCharCode(r));
  if (r === RUNE_ERROR) {
    for (const [c, at] of runes(s)) if (c === RUNE_ERROR) return at;
    return -1;
  }
  if (!validRune(r)) return -1;
  return s.indexOf(encodeRune(r));
}

export function equalFold(a: GoString, b: GoString): boolean {
  const ra = [...runes(a)], rb = [...runes(b)];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i][0], y = rb[i][0];
    if (x === y) continue;
    if (toLower(toUpper(x)) !== toLower(toUpper(y)) && toLower(x) !== toLower(y)) return false;
  }
  return true;
}

function* callBool(ctx: NativeCtx, f: GoFunc, r: number): Gen<boolean> {
  return (yield* ctx.call(f, r)) as boolean;
}

/** Rune predicates from Go code, collected first so the pure helpers above can use them. */
function* predicateResults(ctx: NativeCtx, s: GoString, f: GoFunc): Gen<Map<number, boolean>> {
  const results = new Map<number, boolean>();
  for (const [r, at] of runes(s)) results.set(at, yield* callBool(ctx, f, r));
  return results;
}

function builder(b: Pointer<unknown[]> | null, ctx: NativeCtx): unknown[] {
  if (b === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return b.load();
}

// strings.Replacer. Go picks one of four algorithms from the pairs; they replace alike but
// hand a writer different pieces (byte replacements go to Write, the rest to WriteString), and
// a program's own io.Writer sees those calls, so each algorithm's pieces are kept here.

/** One call a Replacer makes on its writer: WriteString (through Write if w lacks it) or Write. */
interface Piece { s: GoString; viaWrite: boolean }

/** The writer calls for s, and whether any pair matched (Replace returns s itself if none did). */
function replacerPieces(oldnew: GoString[], s: GoString): { pieces: Piece[]; matched: boolean } {
  const out: Piece[] = [];
  const str = (x: GoString) => out.push({ s: x, viaWrite: false });
  if (oldnew.length === 2 && oldnew[0]!.length > 1) {
    // One pattern: every piece goes out, even empty ones, and the tail always does.
    const old = oldnew[0]!;
    let i = 0, matched = false;
    for (let m = s.indexOf(old); m >= 0; m = s.indexOf(old, i)) {
      matched = true;
      str(s.slice(i, m));
      str(oldnew[1]!);
      i = m + old.length;
    }
    str(s.slice(i));
    return { pieces: out, matched };
  }
  let singleBytes = true, allNewBytes = true;
  for (let i = 0; i < oldnew.length; i += 2) {
    if (oldnew[i]!.length !== 1) singleBytes = false;
    if (oldnew[i + 1]!.length !== 1) allNewBytes = false;
  }
  if (singleBytes) {
    // Byte tables: the first pair for a byte wins; a byte mapped to itself by a one-byte
    // table is left in place, while the byte-to-string table writes it out on its own.
    const table = new Map<number, GoString>();
    for (let i = 0; i < oldnew.length; i += 2) {
      const b = oldnew[i]!.charCodeAt(0);
      if (!table.has(b)) table.set(b, oldnew[i + 1]!);
    }
    let last = 0, changed = false;
    for (let i = 0; i < s.length; i++) {
      const b = s.charCodeAt(i);
      const r = table.get(b);
      if (r === undefined || (allNewBytes && r.charCodeAt(0) === b)) continue;
      changed = true;
      if (last !== i) str(s.slice(last, i));
      last = i + 1;
      out.push({ s: r, viaWrite: true });
    }
    if (last !== s.length) str(s.slice(last));
    return { pieces: out, matched: changed };
  }
  // The general case: at each position the earliest pair whose old string starts there; an
  // empty old string matches once between any two bytes and at both ends.
  let last = 0, prevEmpty = false, matched = false;
  for (let i = 0; i <= s.length; ) {
    let k = -1;
    for (let p = 0; p < oldnew.length; p += 2) {
      const old = oldnew[p]!;
      if (old === '' && prevEmpty) continue;
      if (s.startsWith(old, i)) { k = p; break; }
    }
    prevEmpty = k >= 0 && oldnew[k] === '';
    if (k < 0) { i++; continue; }
    matched = true;
    str(s.slice(last, i));
    str(oldnew[k + 1]!);
    i += oldnew[k]!.length;
    last = i;
  }
  if (last !== s.length) str(s.slice(last));
  return { pieces: out, matched };
}

function replacerPairs(r: Pointer<unknown[]> | null, ctx: NativeCtx): GoString[] {
  if (r === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return strItems(r.load()[0] as SliceValue | null);
}

/** Whether w's dynamic type is an io.StringWriter. */
function hasWriteString(w: Iface): boolean {
  const sig = methodSignature(w.t, 'WriteString');
  if (!sig || sig.params.vars.length !== 1 || sig.results.vars.length !== 2) return false;
  const p = sig.params.vars[0]!.type;
  return p.tag === 'Basic' && p.kind === 'string';
}

/**
 * An iterator (iter.Seq[string]) over pieces that are computed up front: Go's own iterators
 * find each piece lazily, but the pieces of an immutable string are the same either way, and
 * only the calls to yield are observable.
 */
function stringSeq(ctx: NativeCtx, pieces: GoString[]): GoFunc {
  return function* (yieldFn: unknown) {
    for (const p of pieces) {
      if (yieldFn === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      if (!((yield* ctx.call(yieldFn as GoFunc, p)) as boolean)) return;
    }
  };
}

/** s cut after each newline; a final piece without one is kept unless empty. */
function lines(s: GoString): GoString[] {
  const out: GoString[] = [];
  let at = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', at)) {
    out.push(s.slice(at, i + 1));
    at = i + 1;
  }
  if (at < s.length) out.push(s.slice(at));
  return out;
}

const nat = (f: (...a: any[]) => unknown) => (_ctx: NativeCtx, ...a: any[]) => f(...a);

export const pkg: NativePackage = {
  path: 'strings',
  natives: {
    'strings.Builder.String': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => {
      const buf = builder(b, ctx)[0] as SliceValue | null;
      alloc((buf?.len ?? 0) + STRING);
      return stringOf(buf);
    },
    'strings.Builder.Len': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => (builder(b, ctx)[0] as SliceValue | null)?.len ?? 0,
    'strings.Builder.Cap': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => (builder(b, ctx)[0] as SliceValue | null)?.cap ?? 0,
    'strings.Builder.Reset': (ctx: NativeCtx, b: Pointer<unknown[]> | null) => { builder(b, ctx)[0] = null; },
    'strings.Builder.Grow': (ctx: NativeCtx, b: Pointer<unknown[]> | null, n: GoInt) => {
      const sv = builder(b, ctx);
      if (n < 0) panicString(ctx, 'strings.Builder.Grow: negative count');
      const cur = sv[0] as SliceValue | null;
      const len = cur?.len ?? 0, cap = cur?.cap ?? 0;
      if (cap - len < Number(n)) {
        const newCap = 2 * cap + Number(n);
        alloc(arrayCost(newCap, SLOT));
        const arr = new Array<unknown>(newCap).fill(0);
        for (let i = 0; i < len; i++) arr[i] = cur!.arr[cur!.off + i];
        sv[0] = { arr, off: 0, len, cap: newCap };
      }
    },
    'strings.Builder.Write': (ctx: NativeCtx, b: Pointer<unknown[]> | null, p: SliceValue | null) => {
      const sv = builder(b, ctx);
      const s = stringOf(p);
      sv[0] = appendBytes(sv[0] as SliceValue | null, s);
      return [s.length, null];
    },
    'strings.Builder.WriteByte': (ctx: NativeCtx, b: Pointer<unknown[]> | null, c: number) => {
      const sv = builder(b, ctx);
      sv[0] = appendBytes(sv[0] as SliceValue | null, String.fromCharCode(c));
      return null;
    },
    'strings.Builder.WriteRune': (ctx: NativeCtx, b: Pointer<unknown[]> | null, r: number) => {
      const sv = builder(b, ctx);
      const s = encodeRune(r);
      sv[0] = appendBytes(sv[0] as SliceValue | null, s);
      return [s.length, null];
    },
    'strings.Builder.WriteString': (ctx: NativeCtx, b: Pointer<unknown[]> | null, s: GoString) => {
      const sv = builder(b, ctx);
      sv[0] = appendBytes(sv[0] as SliceValue | null, s);
      return [s.length, null];
    },

    'strings.NewReplacer': (ctx: NativeCtx, oldnew: SliceValue | null) => {
      const pairs = strItems(oldnew);
      if (pairs.length % 2 === 1) panicString(ctx, 'strings.NewReplacer: odd argument count');
      return newStructPointer([pairs.length === 0 ? null : strSlice(pairs)]);
    },
    'strings.Replacer.Replace': (ctx: NativeCtx, r: Pointer<unknown[]> | null, s: GoString) => {
      const { pieces, matched } = replacerPieces(replacerPairs(r, ctx), s);
      return matched ? made(pieces.map((p) => p.s).join('')) : s;
    },
    *'strings.Replacer.WriteString'(ctx: NativeCtx, r: Pointer<unknown[]> | null, w: Iface | null, s: GoString) {
      const { pieces } = replacerPieces(replacerPairs(r, ctx), s);
      let n = 0;
      for (const p of pieces) {
        if (w === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
        const asString = !p.viaWrite && hasWriteString(w);
        const f = ctx.method(w, asString ? 'WriteString' : 'Write');
        if (f === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
        const res = (yield* ctx.call(f, asString ? p.s : bytesOf(p.s))) as [GoInt, Iface | null];
        n += Number(res[0]);
        if (res[1] !== null) return [n, res[1]];
      }
      return [n, null];
    },

    'strings.Lines': (ctx: NativeCtx, s: GoString) => stringSeq(ctx, lines(s)),
    'strings.SplitSeq': (ctx: NativeCtx, s: GoString, sep: GoString) => stringSeq(ctx, genSplit(s, sep, 0, -1)!),
    'strings.SplitAfterSeq': (ctx: NativeCtx, s: GoString, sep: GoString) => stringSeq(ctx, genSplit(s, sep, sep.length, -1)!),
    'strings.FieldsSeq': (ctx: NativeCtx, s: GoString) => stringSeq(ctx, fieldsBy(s, isSpace)),

    'strings.Contains': nat((s: GoString, sub: GoString) => s.includes(sub)),
    'strings.ContainsAny': nat((s: GoString, chars: GoString) => {
      const has = runeSet(chars);
      for (const [r] of runes(s)) if (has(r)) return true;
      return false;
    }),
    'strings.ContainsRune': nat((s: GoString, r: number) => indexRune(s, r) >= 0),
    *'strings.ContainsFunc'(ctx: NativeCtx, s: GoString, f: GoFunc) {
      for (const [r] of runes(s)) if (yield* callBool(ctx, f, r)) return true;
      return false;
    },
    'strings.HasPrefix': nat((s: GoString, p: GoString) => s.startsWith(p)),
    'strings.HasSuffix': nat((s: GoString, p: GoString) => s.endsWith(p)),
    'strings.Index': nat((s: GoString, sub: GoString) => s.indexOf(sub)),
    'strings.IndexByte': nat((s: GoString, c: number) => s.indexOf(String.fromCharCode(c))),
    'strings.IndexRune': nat(indexRune),
    'strings.IndexAny': nat((s: GoString, chars: GoString) => {
      const has = runeSet(chars);
      for (const [r, at] of runes(s)) if (has(r)) return at;
      return -1;
    }),
    *'strings.IndexFunc'(ctx: NativeCtx, s: GoString, f: GoFunc) {
      for (const [r, at] of runes(s)) if (yield* callBool(ctx, f, r)) return at;
      return -1;
    },
    'strings.LastIndex': nat((s: GoString, sub: GoString) => s.lastIndexOf(sub)),
    // Not declared in decls.ts yet; ready for when they are.
    'strings.LastIndexByte': nat((s: GoString, c: number) => s.lastIndexOf(String.fromCharCode(c))),
    'strings.LastIndexAny': nat((s: GoString, chars: GoString) => {
      const has = runeSet(chars);
      let last = -1;
      for (const [r, at] of runes(s)) if (has(r)) last = at;
      return last;
    }),
    'strings.SplitAfterN': nat((s: GoString, sep: GoString, n: GoInt) => {
      const r = genSplit(s, sep, sep.length, Number(n));
      return r === null ? null : strSlice(r);
    }),
    'strings.Title': nat((s: GoString) => {
      let prev = 0x20;
      return made(mapRunes(s, (r) => {
        const sep = prev < 0x80 ? !(isLetterOrDigitASCII(prev) || prev === 0x5f) && !(prev >= 0x80) : isSpace(prev);
        prev = r;
        return sep ? toTitle(r) : r;
      }));
    }),
    'strings.Split': nat((s: GoString, sep: GoString) => strSlice(genSplit(s, sep, 0, -1)!)),
    'strings.SplitN': nat((s: GoString, sep: GoString, n: GoInt) => {
      const r = genSplit(s, sep, 0, Number(n));
      return r === null ? null : strSlice(r);
    }),
    'strings.SplitAfter': nat((s: GoString, sep: GoString) => strSlice(genSplit(s, sep, sep.length, -1)!)),
    'strings.Join': nat((elems: SliceValue | null, sep: GoString) => {
      const xs = strItems(elems);
      let n = xs.length > 0 ? (xs.length - 1) * sep.length : 0;
      for (const x of xs) n += x.length;
      alloc(n);
      return xs.join(sep);
    }),
    'strings.Fields': nat((s: GoString) => strSlice(fieldsBy(s, isSpace))),
    *'strings.FieldsFunc'(ctx: NativeCtx, s: GoString, f: GoFunc) {
      const res = yield* predicateResults(ctx, s, f);
      const out: GoString[] = [];
      let start = -1;
      for (const [, at] of runes(s)) {
        if (res.get(at)) {
          if (start >= 0) { out.push(s.slice(start, at)); start = -1; }
        } else if (start < 0) start = at;
      }
      if (start >= 0) out.push(s.slice(start));
      return strSlice(out);
    },
    'strings.Repeat': (ctx: NativeCtx, s: GoString, n: GoInt) => {
      if (n < 0) panicString(ctx, 'strings: negative Repeat count');
      const total = s.length * Number(n);
      if (total > Number.MAX_SAFE_INTEGER) panicString(ctx, 'strings: Repeat output length overflow');
      // Counted before it is made: a result past the memory budget ends the program as Go's would.
      if (total > MAX_STRING_LENGTH) refuse(total);
      alloc(total);
      return s.repeat(Number(n));
    },
    'strings.Replace': nat((s: GoString, o: GoString, n: GoString, k: GoInt) => replace(s, o, n, Number(k))),
    'strings.ReplaceAll': nat((s: GoString, o: GoString, n: GoString) => replace(s, o, n, -1)),
    'strings.ToUpper': nat((s: GoString) => made(upper(s))),
    'strings.ToLower': nat((s: GoString) => made(lower(s))),
    'strings.ToTitle': nat((s: GoString) => made(mapRunes(s, toTitle))),
    'strings.TrimSpace': nat((s: GoString) => trimRightBy(trimLeftBy(s, isSpace), isSpace)),
    'strings.Trim': nat((s: GoString, c: GoString) => { const f = runeSet(c); return trimRightBy(trimLeftBy(s, f), f); }),
    'strings.TrimLeft': nat((s: GoString, c: GoString) => trimLeftBy(s, runeSet(c))),
    'strings.TrimRight': nat((s: GoString, c: GoString) => trimRightBy(s, runeSet(c))),
    *'strings.TrimFunc'(ctx: NativeCtx, s: GoString, f: GoFunc) {
      let start = s.length;
      for (const [r, at] of runes(s)) {
        if (!(yield* callBool(ctx, f, r))) { start = at; break; }
      }
      const rest = s.slice(start);
      const ends: [number, number, number][] = [...runes(rest)].reverse();
      let end = 0;
      for (const [r, at, w] of ends) {
        if (!(yield* callBool(ctx, f, r))) { end = at + w; break; }
      }
      return rest.slice(0, end);
    },
    'strings.TrimPrefix': nat((s: GoString, p: GoString) => (s.startsWith(p) ? s.slice(p.length) : s)),
    'strings.TrimSuffix': nat((s: GoString, p: GoString) => (p.length > 0 && s.endsWith(p) ? s.slice(0, s.length - p.length) : s)),
    'strings.Cut': nat((s: GoString, sep: GoString) => {
      const i = s.indexOf(sep);
      return i >= 0 ? [s.slice(0, i), s.slice(i + sep.length), true] : [s, '', false];
    }),
    'strings.CutPrefix': nat((s: GoString, p: GoString) => (s.startsWith(p) ? [s.slice(p.length), true] : [s, false])),
    'strings.CutSuffix': nat((s: GoString, p: GoString) => (s.endsWith(p) ? [s.slice(0, s.length - p.length), true] : [s, false])),
    'strings.Count': nat(count),
    'strings.EqualFold': nat(equalFold),
    'strings.Compare': nat((a: GoString, b: GoString) => (a < b ? -1 : a > b ? 1 : 0)),
    *'strings.Map'(ctx: NativeCtx, f: GoFunc, s: GoString) {
      let out = '';
      for (const [r] of runes(s)) {
        const m = (yield* ctx.call(f, r)) as number;
        if (m >= 0) out += encodeRune(m);
      }
      return made(out);
    },
  },
};
