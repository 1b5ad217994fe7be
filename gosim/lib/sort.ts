// Package sort. The order of equal elements, and the calls made to Less and Swap, are visible to
// programs, so the algorithms are Go's own: pdqsort for the unstable sorts, insertion sort plus
// SymMerge for the stable ones.
import type { GoFunc, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt, GoString, Iface, SliceValue } from '../runtime/values.ts';
import { compare, less } from './cmp.ts';
import { newStructPointer, panicString, pointerTo } from './fmt/values.ts';

export type Gen<T> = Generator<unknown, T, unknown>;

/** What the sorting algorithms see: Less and Swap by index, either of which may be Go code. */
export interface SortData {
  less(i: number, j: number): Gen<boolean>;
  swap(i: number, j: number): Gen<void>;
}

/** Less and Swap over a slice's elements, with less given by index (sort.Slice's contract). */
export function sliceData(s: SliceValue, lessIdx: (i: number, j: number) => Gen<boolean>): SortData {
  return {
    less: lessIdx,
    *swap(i, j) {
      const a = s.arr[s.off + i];
      s.arr[s.off + i] = s.arr[s.off + j];
      s.arr[s.off + j] = a;
    },
  };
}

function bitsLen(n: number): number {
  return n <= 0 ? 0 : 32 - Math.clz32(n);
}

// Go's algorithms, step for step: the order of equal elements and the sequence of Less/Swap
// calls (visible when they print) come out as in Go. pdqsort for Sort, Slice and SortFunc;
// insertion sort in blocks of 20 merged by SymMerge for the stable sorts.

function* insertionSort(d: SortData, a: number, b: number): Gen<void> {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && (yield* d.less(j, j - 1)); j--) yield* d.swap(j, j - 1);
  }
}

function* siftDown(d: SortData, lo: number, hi: number, first: number): Gen<void> {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && (yield* d.less(first + child, first + child + 1))) child++;
    if (!(yield* d.less(first + root, first + child))) return;
    yield* d.swap(first + root, first + child);
    root = child;
  }
}

function* heapSort(d: SortData, a: number, b: number): Gen<void> {
  const first = a, hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) yield* siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    yield* d.swap(first, first + i);
    yield* siftDown(d, 0, i, first);
  }
}

const UNKNOWN = 0, INCREASING = 1, DECREASING = 2;

function* order2(d: SortData, a: number, b: number, swaps: { n: number }): Gen<[number, number]> {
  if (yield* d.less(b, a)) { swaps.n++; return [b, a]; }
  return [a, b];
}

function* median(d: SortData, a: number, b: number, c: number, swaps: { n: number }): Gen<number> {
  [a, b] = yield* order2(d, a, b, swaps);
  [b, c] = yield* order2(d, b, c, swaps);
  [a, b] = yield* order2(d, a, b, swaps);
  void a; void c;
  return b;
}

function* choosePivot(d: SortData, a: number, b: number): Gen<[number, number]> {
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.floor(l / 4), j = a + Math.floor(l / 4) * 2, k = a + Math.floor(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = yield* median(d, i - 1, i, i + 1, swaps);
      j = yield* median(d, j - 1, j, j + 1, swaps);
      k = yield* median(d, k - 1, k, k + 1, swaps);
    }
    j = yield* median(d, i, j, k, swaps);
  }
  if (swaps.n === 0) return [j, INCREASING];
  if (swaps.n === 12) return [j, DECREASING];
  return [j, UNKNOWN];
}

function* reverseRange(d: SortData, a: number, b: number): Gen<void> {
  for (let i = a, j = b - 1; i < j; i++, j--) yield* d.swap(i, j);
}

function* partialInsertionSort(d: SortData, a: number, b: number): Gen<boolean> {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !(yield* d.less(i, i - 1))) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    yield* d.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!(yield* d.less(j, j - 1))) break;
        yield* d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!(yield* d.less(j, j - 1))) break;
        yield* d.swap(j, j - 1);
      }
    }
  }
  return false;
}

function* breakPatterns(d: SortData, a: number, b: number): Gen<void> {
  const length = b - a;
  if (length < 8) return;
  let r = BigInt(length);
  const next = () => {
    r = BigInt.asUintN(64, r ^ (r << 13n));
    r = r ^ (r >> 7n);
    r = BigInt.asUintN(64, r ^ (r << 17n));
    return r;
  };
  const modulus = BigInt(2 ** bitsLen(length));
  const mid = a + Math.floor(length / 4) * 2;
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    let other = Number(next() & (modulus - 1n));
    if (other >= length) other -= length;
    yield* d.swap(idx, a + other);
  }
}

function* partitionEqual(d: SortData, a: number, b: number, pivot: number): Gen<number> {
  yield* d.swap(a, pivot);
  let i = a + 1, j = b - 1;
  for (;;) {
    while (i <= j && !(yield* d.less(a, i))) i++;
    while (i <= j && (yield* d.less(a, j))) j--;
    if (i > j) break;
    yield* d.swap(i, j);
    i++; j--;
  }
  return i;
}

function* partition(d: SortData, a: number, b: number, pivot: number): Gen<[number, boolean]> {
  yield* d.swap(a, pivot);
  let i = a + 1, j = b - 1;
  while (i <= j && (yield* d.less(i, a))) i++;
  while (i <= j && !(yield* d.less(j, a))) j--;
  if (i > j) {
    yield* d.swap(j, a);
    return [j, true];
  }
  yield* d.swap(i, j);
  i++; j--;
  for (;;) {
    while (i <= j && (yield* d.less(i, a))) i++;
    while (i <= j && !(yield* d.less(j, a))) j--;
    if (i > j) break;
    yield* d.swap(i, j);
    i++; j--;
  }
  yield* d.swap(j, a);
  return [j, false];
}

function* pdqsortRange(d: SortData, a: number, b: number, limit: number): Gen<void> {
  let wasBalanced = true, wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) { yield* insertionSort(d, a, b); return; }
    if (limit === 0) { yield* heapSort(d, a, b); return; }
    if (!wasBalanced) { yield* breakPatterns(d, a, b); limit--; }
    let [pivot, hint] = yield* choosePivot(d, a, b);
    if (hint === DECREASING) {
      yield* reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING) {
      if (yield* partialInsertionSort(d, a, b)) return;
    }
    if (a > 0 && !(yield* d.less(a - 1, pivot))) {
      a = yield* partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, already] = yield* partition(d, a, b, pivot);
    wasPartitioned = already;
    const leftLen = mid - a, rightLen = b - mid;
    const threshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= threshold;
      yield* pdqsortRange(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= threshold;
      yield* pdqsortRange(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** Go's unstable sort of n elements (sort.Sort, sort.Slice, slices.SortFunc). */
export function* pdqsort(d: SortData, n: number): Gen<void> {
  if (n <= 1) return;
  yield* pdqsortRange(d, 0, n, bitsLen(n));
}

function* swapRange(d: SortData, a: number, b: number, n: number): Gen<void> {
  for (let i = 0; i < n; i++) yield* d.swap(a + i, b + i);
}

function* rotate(d: SortData, a: number, m: number, b: number): Gen<void> {
  let i = m - a, j = b - m;
  while (i !== j) {
    if (i > j) { yield* swapRange(d, m - i, m, j); i -= j; }
    else { yield* swapRange(d, m - i, m + j - i, i); j -= i; }
  }
  yield* swapRange(d, m - i, m, i);
}

function* symMerge(d: SortData, a: number, m: number, b: number): Gen<void> {
  if (m - a === 1) {
    let i = m, j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (yield* d.less(h, a)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) yield* d.swap(k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a, j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!(yield* d.less(m, h))) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) yield* d.swap(k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number, r: number;
  if (m > mid) { start = n - b; r = mid; } else { start = a; r = m; }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!(yield* d.less(p - c, c))) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) yield* rotate(d, start, m, end);
  if (a < start && start < mid) yield* symMerge(d, a, start, mid);
  if (mid < end && end < b) yield* symMerge(d, mid, end, b);
}

/** Go's stable sort (sort.Stable, sort.SliceStable, slices.SortStableFunc). */
export function* stableSort(d: SortData, n: number): Gen<void> {
  let blockSize = 20;
  let a = 0, b = blockSize;
  while (b <= n) {
    yield* insertionSort(d, a, b);
    a = b;
    b += blockSize;
  }
  yield* insertionSort(d, a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      yield* symMerge(d, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) yield* symMerge(d, a, m, n);
    blockSize *= 2;
  }
}

/** Sort a slice in place by a less on indexes of the live slice (sort.Slice's contract). */
export function* sortSliceBy(s: SliceValue | null, lessIdx: (i: number, j: number) => Gen<boolean>, stable: boolean): Gen<void> {
  if (s === null || s.len < 2) return;
  const d = sliceData(s, lessIdx);
  if (stable) yield* stableSort(d, s.len);
  else yield* pdqsort(d, s.len);
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
  const d: SortData = {
    less: (i, j) => callMethod(ctx, data, 'Less', i, j) as Gen<boolean>,
    *swap(i, j) { yield* callMethod(ctx, data, 'Swap', i, j); },
  };
  if (stable) yield* stableSort(d, n);
  else yield* pdqsort(d, n);
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
