// Package sort. The order of equal elements is visible to programs, so the algorithms follow Go's
// where it matters: insertion sort for up to 12 elements (what Go's pdqsort does for such short
// inputs) and, for the stable sorts, any stable order (which is unique). Longer unstable sorts
// use a stable merge, which agrees with Go whenever no two elements compare equal.
import type { GoFunc, NativeCtx, NativePackage } from './native.ts';
import type { GoInt, GoString, Iface, SliceValue } from '../values.ts';
import { compare, less } from './cmp.ts';
import { newStructPointer, panicString, pointerTo } from './fmt/values.ts';

export type Gen<T> = Generator<unknown, T, unknown>;

/** Go's insertion-sort threshold inside pdqsort. */
export const INSERTION_MAX = 12;

/** Stable merge sort of the indexes 0..n-1 by an asynchronous less; returns the permutation. */
export function* mergeOrder(n: number, lessFn: (i: number, j: number) => Gen<boolean>): Gen<number[]> {
  let order = Array.from({ length: n }, (_, i) => i);
  let buf = new Array<number>(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (yield* lessFn(order[j], order[i])) buf[k++] = order[j++];
        else buf[k++] = order[i++];
      }
      while (i < mid) buf[k++] = order[i++];
      while (j < hi) buf[k++] = order[j++];
    }
    [order, buf] = [buf, order];
  }
  return order;
}

/** Rearrange s[0..n) so that position k holds what was at order[k]. */
export function permute(s: SliceValue, order: number[]): void {
  const old = s.arr.slice(s.off, s.off + s.len);
  for (let k = 0; k < order.length; k++) s.arr[s.off + k] = old[order[k]];
}

/** Sort a slice in place by a less on indexes of the live slice (sort.Slice's contract). */
export function* sortSliceBy(s: SliceValue | null, lessIdx: (i: number, j: number) => Gen<boolean>, stable: boolean): Gen<void> {
  if (s === null || s.len < 2) return;
  const n = s.len;
  if (n <= INSERTION_MAX || (stable && n <= 20)) {
    for (let i = 1; i < n; i++) {
      for (let j = i; j > 0 && (yield* lessIdx(j, j - 1)); j--) {
        const a = s.arr[s.off + j];
        s.arr[s.off + j] = s.arr[s.off + j - 1];
        s.arr[s.off + j - 1] = a;
      }
    }
    return;
  }
  permute(s, yield* mergeOrder(n, lessIdx));
}

/** Sort plain ordered values (ints, floats with NaN first, strings). */
export function sortOrdered(s: SliceValue | null): void {
  if (s === null || s.len < 2) return;
  const part = s.arr.slice(s.off, s.off + s.len) as (number | bigint | string)[];
  part.sort(compare);
  for (let i = 0; i < part.length; i++) s.arr[s.off + i] = part[i];
}

export function isSortedOrdered(s: SliceValue | null): boolean {
  if (s === null) return true;
  for (let i = s.len - 1; i > 0; i--) {
    if (less(s.arr[s.off + i] as number, s.arr[s.off + i - 1] as number)) return false;
  }
  return true;
}

function isReverse(x: Iface): boolean {
  const t = x.t;
  return t.tag === 'Pointer' && t.elem.tag === 'Named' && t.elem.pkg === 'sort' && t.elem.name === 'reverse';
}

function* callMethod(ctx: NativeCtx, x: Iface, name: string, ...args: unknown[]): Gen<unknown> {
  // sort.Reverse's value gets Len and Swap from its embedded Interface; go straight to it.
  if (isReverse(x) && x.v !== null) {
    const inner = (x.v as { load(): unknown[] }).load()[0] as Iface | null;
    if (inner === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
    return yield* callMethod(ctx, inner, name, ...(name === 'Less' ? [args[1], args[0]] : args));
  }
  const m = ctx.method(x, name);
  if (m === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return yield* ctx.call(m, ...args);
}

/** sort.Sort / sort.Stable on a sort.Interface, through its Len, Less and Swap methods. */
function* sortInterface(ctx: NativeCtx, data: Iface | null, stable: boolean): Gen<void> {
  if (data === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const n = Number(yield* callMethod(ctx, data, 'Len'));
  const lessFn = (i: number, j: number) => callMethod(ctx, data, 'Less', i, j) as Gen<boolean>;
  if (n <= INSERTION_MAX || (stable && n <= 20)) {
    for (let i = 1; i < n; i++) {
      for (let j = i; j > 0 && (yield* lessFn(j, j - 1)); j--) yield* callMethod(ctx, data, 'Swap', j, j - 1);
    }
    return;
  }
  const order = yield* mergeOrder(n, lessFn);
  // Realize the permutation with Swap calls: pos[e] is where original element e is now.
  const pos = Array.from({ length: n }, (_, i) => i);
  const at = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    const p = pos[order[k]];
    if (p !== k) {
      yield* callMethod(ctx, data, 'Swap', k, p);
      const ek = at[k];
      at[k] = order[k]; at[p] = ek;
      pos[order[k]] = k; pos[ek] = p;
    }
  }
}

function* isSortedInterface(ctx: NativeCtx, data: Iface | null): Gen<boolean> {
  if (data === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const n = Number(yield* callMethod(ctx, data, 'Len'));
  for (let i = n - 1; i > 0; i--) if (yield* callMethod(ctx, data, 'Less', i, i - 1)) return false;
  return true;
}

function sliceOf(ctx: NativeCtx, x: Iface | null): SliceValue | null {
  if (x === null) panicString(ctx, 'reflect: call of Swapper on zero Value');
  const u = x.t.tag === 'Named' ? x.t.underlying : x.t;
  if (u.tag !== 'Slice') panicString(ctx, 'reflect: call of Swapper on ' + (u.tag === 'Basic' ? u.kind : u.tag.toLowerCase()) + ' Value');
  return x.v as SliceValue | null;
}

function lessCaller(ctx: NativeCtx, f: GoFunc) {
  return function* (i: number, j: number): Gen<boolean> { return (yield* ctx.call(f, i, j)) as boolean; };
}

function search(n: number, f: (i: number) => boolean): number {
  let i = 0, j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (!f(h)) i = h + 1;
    else j = h;
  }
  return i;
}

const at = (s: SliceValue | null, i: number) => s!.arr[s!.off + i];

export const pkg: NativePackage = {
  path: 'sort',
  natives: {
    *'sort.Sort'(ctx: NativeCtx, data: Iface | null) { yield* sortInterface(ctx, data, false); },
    *'sort.Stable'(ctx: NativeCtx, data: Iface | null) { yield* sortInterface(ctx, data, true); },
    *'sort.IsSorted'(ctx: NativeCtx, data: Iface | null) { return yield* isSortedInterface(ctx, data); },
    'sort.Reverse': (ctx: NativeCtx, data: Iface | null) => ({ t: pointerTo(ctx, 'sort.reverse'), v: newStructPointer([data]) }),
    *'sort.reverse.Less'(ctx: NativeCtx, r: unknown[], i: GoInt, j: GoInt) {
      const inner = r[0] as Iface | null;
      if (inner === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      return yield* callMethod(ctx, inner, 'Less', j, i);
    },
    'sort.Ints': (_ctx: NativeCtx, x: SliceValue | null) => sortOrdered(x),
    'sort.Strings': (_ctx: NativeCtx, x: SliceValue | null) => sortOrdered(x),
    'sort.Float64s': (_ctx: NativeCtx, x: SliceValue | null) => sortOrdered(x),
    'sort.IntsAreSorted': (_ctx: NativeCtx, x: SliceValue | null) => isSortedOrdered(x),
    'sort.StringsAreSorted': (_ctx: NativeCtx, x: SliceValue | null) => isSortedOrdered(x),
    'sort.Float64sAreSorted': (_ctx: NativeCtx, x: SliceValue | null) => isSortedOrdered(x),
    *'sort.Slice'(ctx: NativeCtx, x: Iface | null, lessFn: GoFunc) {
      yield* sortSliceBy(sliceOf(ctx, x), lessCaller(ctx, lessFn), false);
    },
    *'sort.SliceStable'(ctx: NativeCtx, x: Iface | null, lessFn: GoFunc) {
      yield* sortSliceBy(sliceOf(ctx, x), lessCaller(ctx, lessFn), true);
    },
    *'sort.SliceIsSorted'(ctx: NativeCtx, x: Iface | null, lessFn: GoFunc) {
      const s = sliceOf(ctx, x);
      for (let i = (s?.len ?? 0) - 1; i > 0; i--) if ((yield* ctx.call(lessFn, i, i - 1)) as boolean) return false;
      return true;
    },
    *'sort.Search'(ctx: NativeCtx, n: GoInt, f: GoFunc) {
      let i = 0, j = Number(n);
      while (i < j) {
        const h = Math.floor((i + j) / 2);
        if (!((yield* ctx.call(f, h)) as boolean)) i = h + 1;
        else j = h;
      }
      return i;
    },
    'sort.SearchInts': (_ctx: NativeCtx, a: SliceValue | null, x: GoInt) => search(a?.len ?? 0, (i) => (at(a, i) as GoInt) >= x),
    'sort.SearchStrings': (_ctx: NativeCtx, a: SliceValue | null, x: GoString) => search(a?.len ?? 0, (i) => (at(a, i) as GoString) >= x),
    'sort.SearchFloat64s': (_ctx: NativeCtx, a: SliceValue | null, x: number) => search(a?.len ?? 0, (i) => (at(a, i) as number) >= x),
    'sort.IntSlice.Len': (_ctx: NativeCtx, x: SliceValue | null) => x?.len ?? 0,
    'sort.IntSlice.Less': (_ctx: NativeCtx, x: SliceValue | null, i: GoInt, j: GoInt) => (at(x, Number(i)) as GoInt) < (at(x, Number(j)) as GoInt),
    'sort.IntSlice.Swap': (_ctx: NativeCtx, x: SliceValue | null, i: GoInt, j: GoInt) => swap(x, Number(i), Number(j)),
    'sort.IntSlice.Sort': (_ctx: NativeCtx, x: SliceValue | null) => sortOrdered(x),
    'sort.StringSlice.Len': (_ctx: NativeCtx, x: SliceValue | null) => x?.len ?? 0,
    'sort.StringSlice.Less': (_ctx: NativeCtx, x: SliceValue | null, i: GoInt, j: GoInt) => (at(x, Number(i)) as GoString) < (at(x, Number(j)) as GoString),
    'sort.StringSlice.Swap': (_ctx: NativeCtx, x: SliceValue | null, i: GoInt, j: GoInt) => swap(x, Number(i), Number(j)),
    'sort.StringSlice.Sort': (_ctx: NativeCtx, x: SliceValue | null) => sortOrdered(x),
    'sort.Float64Slice.Len': (_ctx: NativeCtx, x: SliceValue | null) => x?.len ?? 0,
    'sort.Float64Slice.Less': (_ctx: NativeCtx, x: SliceValue | null, i: GoInt, j: GoInt) => less(at(x, Number(i)) as number, at(x, Number(j)) as number),
    'sort.Float64Slice.Swap': (_ctx: NativeCtx, x: SliceValue | null, i: GoInt, j: GoInt) => swap(x, Number(i), Number(j)),
    'sort.Float64Slice.Sort': (_ctx: NativeCtx, x: SliceValue | null) => sortOrdered(x),
  },
};

function swap(x: SliceValue | null, i: number, j: number): void {
  if (x === null) return;
  const a = x.arr[x.off + i];
  x.arr[x.off + i] = x.arr[x.off + j];
  x.arr[x.off + j] = a;
}
