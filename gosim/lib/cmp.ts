// Package cmp, plus the value comparisons the generic packages (slices, maps, sort) share.
// Generic natives receive no type arguments, so these work from the values' JS shapes, which
// values.ts fixes per Go type: numbers/bigints, byte strings, struct/array JS arrays, Pointers,
// Iface {t, v}, Complex {re, im}.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { Iface, Pointer, SliceValue } from '../runtime/values.ts';
import { typeString } from './fmt/typestring.ts';

type Ordered = number | bigint | string;

/** cmp.Compare: NaN sorts before every other value and equals itself. */
export function compare(x: Ordered, y: Ordered): number {
  const xn = x !== x, yn = y !== y;
  if (xn || yn) return xn && yn ? 0 : xn ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function less(x: Ordered, y: Ordered): boolean {
  return (x !== x && y === y) || x < y;
}

function isPointer(v: object): v is Pointer {
  return 'target' in v && 'load' in v;
}
function isIface(v: object): v is Iface {
  return 't' in v && 'v' in v && !('load' in v);
}

/** Go's == for two values of the same comparable type. */
export function goEqual(a: unknown, b: unknown): boolean {
  if (a === b) return a === a;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => goEqual(x, bb[i]));
  }
  if (isPointer(a) && isPointer(b)) return a.target === b.target && a.key === b.key;
  if (isIface(a) && isIface(b)) return (a.t === b.t || typeString(a.t) === typeString(b.t)) && goEqual(a.v, b.v);
  if ('re' in a && 're' in b) {
    const x = a as { re: number; im: number }, y = b as { re: number; im: number };
    return x.re === y.re && x.im === y.im;
  }
  return false;
}

/** The zero value of the type a value v belongs to, as far as its shape tells. */
export function zeroLike(v: unknown): unknown {
  switch (typeof v) {
    case 'number': case 'bigint': return 0;
    case 'string': return '';
    case 'boolean': return false;
  }
  if (Array.isArray(v)) return v.map(zeroLike);
  if (v !== null && typeof v === 'object' && 're' in v && 'im' in v && !('t' in v)) return { re: 0, im: 0 };
  return null;
}

export function isZero(v: unknown): boolean {
  return goEqual(v, zeroLike(v)) || v === null;
}

export function items<T = unknown>(s: SliceValue | null): T[] {
  if (s === null) return [];
  return s.arr.slice(s.off, s.off + s.len) as T[];
}

export const pkg: NativePackage = {
  path: 'cmp',
  natives: {
    'cmp.Compare': (_ctx: NativeCtx, x: Ordered, y: Ordered) => compare(x, y),
    'cmp.Less': (_ctx: NativeCtx, x: Ordered, y: Ordered) => less(x, y),
    'cmp.Or': (_ctx: NativeCtx, vals: SliceValue | null) => {
      const vs = items(vals);
      for (const v of vs) if (!isZero(v)) return v;
      return vs.length > 0 ? zeroLike(vs[0]) : 0;
    },
  },
};
