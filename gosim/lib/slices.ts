// Package slices. Functions that shrink a slice (Delete, Compact) zero the vacated tail as Go
// 1.22+ does, which a program sees through any other slice sharing the array.
import type { GoFunc, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt, SliceValue } from '../runtime/values.ts';
import { compare, goEqual, items, zeroLike } from './cmp.ts';
import { pdqsort, sliceData, sortOrdered, stableSort, isSortedOrdered } from './sort.ts';
import type { Gen } from './sort.ts';
import { copyValue } from './errors.ts';
import { panicString } from './fmt/values.ts';
import { SLOT, alloc, arrayCost } from '../runtime/memory.ts';

type S = SliceValue | null;
type Ordered = number | bigint | string;

/** A slice over a new array (its slots counted against the memory budget by the caller, before it was made). */
function fresh(vals: unknown[], cap = vals.length): SliceValue {
  return { arr: vals, off: 0, len: vals.length, cap };
}

function clearTail(s: SliceValue, from: number, to: number): void {
  for (let i = from; i < to; i++) s.arr[s.off + i] = zeroLike(s.arr[s.off + i]);
}

function* cmpCall(ctx: NativeCtx, f: GoFunc, a: unknown, b: unknown): Gen<number> {
  return Number(yield* ctx.call(f, copyValue(a), copyValue(b)));
}

function* sortFunc(ctx: NativeCtx, s: S, f: GoFunc, stable: boolean): Gen<void> {
  if (s === null || s.len < 2) return;
  const el = (i: number) => s.arr[s.off + i];
  const d = sliceData(s, function* (i, j) { return (yield* cmpCall(ctx, f, el(i), el(j))) < 0; });
  if (stable) yield* stableSort(d, s.len);
  else yield* pdqsort(d, s.len);
}

// Iterators (iter.Seq and iter.Seq2 in Go) are plain Go function values taking a yield
// function: the natives below build them as generators and call a program's ones with a yield
// of their own.

/** The elements of s as an iterator; s[i] is read when it is reached, as a range loop does. */
function sliceSeq(ctx: NativeCtx, s: S, order: 'up' | 'down', withIndex: boolean): GoFunc {
  return function* (yieldFn: unknown) {
    const n = s?.len ?? 0;
    for (let k = 0; k < n; k++) {
      const i = order === 'up' ? k : n - 1 - k;
      if (yieldFn === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      const v = copyValue(s!.arr[s!.off + i]);
      if (!((yield* ctx.call(yieldFn as GoFunc, ...(withIndex ? [i, v] : [v]))) as boolean)) return;
    }
  };
}

/** append(s, each value seq yields...), growing as append does; nil stays nil if seq yields nothing. */
function* appendSeq(ctx: NativeCtx, s: S, seq: GoFunc | null): Gen<S> {
  if (seq === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  let out = s;
  const push = function* (v: unknown) {
    if (out !== null && out.len < out.cap) {
      out.arr[out.off + out.len] = v;
      out = { arr: out.arr, off: out.off, len: out.len + 1, cap: out.cap };
    } else {
      const old = items(out);
      const cap = out?.cap ?? 0;
      const newCap = cap === 0 ? 1 : cap < 256 ? cap * 2 : cap + Math.floor((cap + 3 * 256) / 4);
      alloc(cap === 0 ? arrayCost(newCap, SLOT) : (newCap - cap) * SLOT);
      out = { arr: [...old, v], off: 0, len: old.length + 1, cap: newCap };
    }
    return true;
  };
  yield* ctx.call(seq, push);
  return out;
}

function boundsCheck(ctx: NativeCtx, i: number, j: number, len: number, cap: number): void {
  if (j > cap) ctx.runtimeError(`slice bounds out of range [:${j}] with capacity ${cap}`);
  if (i > j) ctx.runtimeError(`slice bounds out of range [${i}:${j}]`);
  void len;
}

export const pkg: NativePackage = {
  path: 'slices',
  natives: {
    'slices.Sort': (_ctx: NativeCtx, x: S) => sortOrdered(x),
    *'slices.SortFunc'(ctx: NativeCtx, x: S, f: GoFunc) { yield* sortFunc(ctx, x, f, false); },
    *'slices.SortStableFunc'(ctx: NativeCtx, x: S, f: GoFunc) { yield* sortFunc(ctx, x, f, true); },
    'slices.IsSorted': (_ctx: NativeCtx, x: S) => isSortedOrdered(x),
    'slices.BinarySearch': (_ctx: NativeCtx, x: S, target: Ordered) => {
      const n = x?.len ?? 0;
      let i = 0, j = n;
      while (i < j) {
        const h = Math.floor((i + j) / 2);
        if (compare(x!.arr[x!.off + h] as Ordered, target) < 0) i = h + 1;
        else j = h;
      }
      return [i, i < n && compare(x!.arr[x!.off + i] as Ordered, target) === 0];
    },
    'slices.Contains': (_ctx: NativeCtx, s: S, v: unknown) => items(s).some((e) => goEqual(e, v)),
    *'slices.ContainsFunc'(ctx: NativeCtx, s: S, f: GoFunc) {
      for (const e of items(s)) if ((yield* ctx.call(f, copyValue(e))) as boolean) return true;
      return false;
    },
    'slices.Index': (_ctx: NativeCtx, s: S, v: unknown) => items(s).findIndex((e) => goEqual(e, v)),
    *'slices.IndexFunc'(ctx: NativeCtx, s: S, f: GoFunc) {
      const es = items(s);
      for (let i = 0; i < es.length; i++) if ((yield* ctx.call(f, copyValue(es[i]))) as boolean) return i;
      return -1;
    },
    'slices.Equal': (_ctx: NativeCtx, a: S, b: S) => {
      const x = items(a), y = items(b);
      return x.length === y.length && x.every((e, i) => goEqual(e, y[i]));
    },
    'slices.Max': (ctx: NativeCtx, s: S) => {
      const es = items<Ordered>(s);
      if (es.length === 0) panicString(ctx, 'slices.Max: empty list');
      let m = es[0];
      for (const e of es) {
        if (e !== e) return e;
        if (e > m) m = e;
      }
      return m;
    },
    'slices.Min': (ctx: NativeCtx, s: S) => {
      const es = items<Ordered>(s);
      if (es.length === 0) panicString(ctx, 'slices.Min: empty list');
      let m = es[0];
      for (const e of es) {
        if (e !== e) return e;
        if (e < m) m = e;
      }
      return m;
    },
    *'slices.MaxFunc'(ctx: NativeCtx, s: S, f: GoFunc) {
      const es = items(s);
      if (es.length === 0) panicString(ctx, 'slices.MaxFunc: empty list');
      let m = es[0];
      for (let i = 1; i < es.length; i++) if ((yield* cmpCall(ctx, f, es[i], m)) > 0) m = es[i];
      return copyValue(m);
    },
    *'slices.MinFunc'(ctx: NativeCtx, s: S, f: GoFunc) {
      const es = items(s);
      if (es.length === 0) panicString(ctx, 'slices.MinFunc: empty list');
      let m = es[0];
      for (let i = 1; i < es.length; i++) if ((yield* cmpCall(ctx, f, es[i], m)) < 0) m = es[i];
      return copyValue(m);
    },
    'slices.Reverse': (_ctx: NativeCtx, s: S) => {
      if (s === null) return;
      for (let i = 0, j = s.len - 1; i < j; i++, j--) {
        const a = s.arr[s.off + i];
        s.arr[s.off + i] = s.arr[s.off + j];
        s.arr[s.off + j] = a;
      }
    },
    'slices.Clone': (_ctx: NativeCtx, s: S) => {
      if (s === null) return null;
      alloc(arrayCost(s.len, SLOT));
      return fresh(items(s).map(copyValue));
    },
    'slices.Compact': (_ctx: NativeCtx, s: S) => {
      if (s === null || s.len < 2) return s;
      let k = 1;
      for (let i = 1; i < s.len; i++) {
        const e = s.arr[s.off + i];
        if (!goEqual(e, s.arr[s.off + k - 1])) s.arr[s.off + k++] = e;
      }
      clearTail(s, k, s.len);
      return { arr: s.arr, off: s.off, len: k, cap: s.cap };
    },
    'slices.Insert': (ctx: NativeCtx, s: S, i: GoInt, v: S) => {
      const n = s?.len ?? 0;
      const at = Number(i);
      if (at > n) ctx.runtimeError(`slice bounds out of range [${at}:${n}]`);
      const vs = items(v).map(copyValue);
      if (vs.length === 0) return s;
      const cap = s?.cap ?? 0;
      if (s !== null && n + vs.length <= cap) {
        for (let k = n - 1; k >= at; k--) s.arr[s.off + k + vs.length] = s.arr[s.off + k];
        for (let k = 0; k < vs.length; k++) s.arr[s.off + at + k] = vs[k];
        return { arr: s.arr, off: s.off, len: n + vs.length, cap };
      }
      const need = n + vs.length;
      let newCap = cap === 0 ? need : cap;
      if (need > 2 * cap) newCap = need;
      else while (newCap < need) newCap = newCap < 256 ? newCap * 2 : newCap + Math.floor((newCap + 3 * 256) / 4);
      alloc(cap === 0 ? arrayCost(newCap, SLOT) : (newCap - cap) * SLOT);
      const old = items(s);
      return fresh([...old.slice(0, at), ...vs, ...old.slice(at)], newCap);
    },
    'slices.Delete': (ctx: NativeCtx, s: S, i: GoInt, j: GoInt) => {
      const a = Number(i), b = Number(j);
      const n = s?.len ?? 0;
      boundsCheck(ctx, a, b, n, n);
      if (a === b || s === null) return s;
      for (let k = b; k < n; k++) s.arr[s.off + a + k - b] = s.arr[s.off + k];
      clearTail(s, n - (b - a), n);
      return { arr: s.arr, off: s.off, len: n - (b - a), cap: s.cap };
    },
    'slices.Concat': (_ctx: NativeCtx, ss: S) => {
      let n = 0;
      for (const s of items<S>(ss)) n += s?.len ?? 0;
      if (n > 0) alloc(arrayCost(n, SLOT));
      const out: unknown[] = [];
      for (const s of items<S>(ss)) out.push(...items(s).map(copyValue));
      return out.length === 0 ? null : fresh(out);
    },
    *'slices.DeleteFunc'(ctx: NativeCtx, s: S, del: GoFunc) {
      if (s === null) return s;
      const at = (k: number) => s.arr[s.off + k];
      let i = 0;
      while (i < s.len && !((yield* ctx.call(del, copyValue(at(i)))) as boolean)) i++;
      if (i === s.len) return s;
      for (let j = i + 1; j < s.len; j++) {
        const v = at(j);
        if (!((yield* ctx.call(del, copyValue(v))) as boolean)) s.arr[s.off + i++] = v;
      }
      clearTail(s, i, s.len);
      return { arr: s.arr, off: s.off, len: i, cap: s.cap };
    },
    *'slices.EqualFunc'(ctx: NativeCtx, a: S, b: S, eq: GoFunc) {
      const x = items(a), y = items(b);
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!((yield* ctx.call(eq, copyValue(x[i]), copyValue(y[i]))) as boolean)) return false;
      return true;
    },
    *'slices.CompactFunc'(ctx: NativeCtx, s: S, eq: GoFunc) {
      if (s === null || s.len < 2) return s;
      const at = (k: number) => s.arr[s.off + k];
      const same = function* (x: unknown, y: unknown) { return (yield* ctx.call(eq, copyValue(x), copyValue(y))) as boolean; };
      // Go's loop: nothing moves until the first run of equal neighbours.
      for (let k = 1; k < s.len; k++) {
        if (yield* same(at(k), at(k - 1))) {
          const base = k;
          for (let k2 = 1; k2 < s.len - base; k2++) {
            if (!(yield* same(at(base + k2), at(base + k2 - 1)))) s.arr[s.off + k++] = at(base + k2);
          }
          clearTail(s, k, s.len);
          return { arr: s.arr, off: s.off, len: k, cap: s.cap };
        }
      }
      return s;
    },
    'slices.Clip': (_ctx: NativeCtx, s: S) => (s === null ? null : { arr: s.arr, off: s.off, len: s.len, cap: s.len }),
    *'slices.BinarySearchFunc'(ctx: NativeCtx, x: S, target: unknown, cmp: GoFunc) {
      const n = x?.len ?? 0;
      const c = function* (k: number) { return Number(yield* ctx.call(cmp, copyValue(x!.arr[x!.off + k]), copyValue(target))); };
      let i = 0, j = n;
      while (i < j) {
        const h = Math.floor((i + j) / 2);
        if ((yield* c(h)) < 0) i = h + 1;
        else j = h;
      }
      return [i, i < n && (yield* c(i)) === 0];
    },
    'slices.All': (ctx: NativeCtx, s: S) => sliceSeq(ctx, s, 'up', true),
    'slices.Values': (ctx: NativeCtx, s: S) => sliceSeq(ctx, s, 'up', false),
    'slices.Backward': (ctx: NativeCtx, s: S) => sliceSeq(ctx, s, 'down', true),
    *'slices.AppendSeq'(ctx: NativeCtx, s: S, seq: GoFunc | null) { return yield* appendSeq(ctx, s, seq); },
    *'slices.Collect'(ctx: NativeCtx, seq: GoFunc | null) { return yield* appendSeq(ctx, null, seq); },
    *'slices.Sorted'(ctx: NativeCtx, seq: GoFunc | null) {
      const s = yield* appendSeq(ctx, null, seq);
      sortOrdered(s);
      return s;
    },
    *'slices.SortedFunc'(ctx: NativeCtx, seq: GoFunc | null, f: GoFunc) {
      const s = yield* appendSeq(ctx, null, seq);
      yield* sortFunc(ctx, s, f, false);
      return s;
    },
    *'slices.SortedStableFunc'(ctx: NativeCtx, seq: GoFunc | null, f: GoFunc) {
      const s = yield* appendSeq(ctx, null, seq);
      yield* sortFunc(ctx, s, f, true);
      return s;
    },
    'slices.Repeat': (ctx: NativeCtx, x: S, count: GoInt) => {
      if (count < 0) panicString(ctx, 'cannot be negative');
      alloc(arrayCost((x?.len ?? 0) * Number(count), SLOT));
      const es = items(x);
      const out: unknown[] = [];
      for (let k = 0; k < Number(count); k++) out.push(...es.map(copyValue));
      return fresh(out);
    },
  },
};

