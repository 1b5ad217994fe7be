// Map entries in the order fmt prints them (Go's internal/fmtsort): numbers by value with NaN
// first, strings bytewise, false before true, pointers and channels by address, structs and
// arrays element by element, interfaces nil first, then by type, then by value.
import type { NativeCtx } from '../../runtime/native.ts';
import type { Type } from '../../types/types.ts';
import type { Complex, Iface, Pointer } from '../../runtime/values.ts';
import { addressOf } from './addresses.ts';
import { typeString } from './typestring.ts';

function cmpNum(a: number | bigint, b: number | bigint): number {
  const an = a !== a, bn = b !== b;
  if (an || bn) return an && bn ? 0 : an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function address(ctx: NativeCtx, v: unknown): number {
  if (v === null || v === undefined) return 0;
  const p = v as Partial<Pointer>;
  if (p.target !== undefined) return addressOf(ctx, p.target, p.key);
  return addressOf(ctx, v as object);
}

// Go orders keys of different dynamic types by the address of their type descriptors, that is
// by where the linker put them. Observed with go1.26 on amd64: pointer types, then the program's
// named basic types, string, the other basic kinds in the compiler's kind order, arrays,
// unnamed structs, the program's other named types, then other packages' named types.
const basicOrder = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'int', 'uint', 'uintptr',
  'complex64', 'complex128', 'float32', 'float64', 'bool'];

function typeRank(t: Type): number {
  switch (t.tag) {
    case 'Pointer': return 0;
    case 'Named':
      if (t.pkg !== 'main') return 100;
      return t.underlying.tag === 'Basic' ? 1 : 90;
    case 'Basic': return t.kind === 'string' ? 2 : 3 + Math.max(0, basicOrder.indexOf(t.kind));
    case 'Array': return 50;
    case 'Struct': return 60;
    default: return 70;
  }
}

export function compareKeys(ctx: NativeCtx, t: Type, a: unknown, b: unknown): number {
  const u = t.tag === 'Named' ? t.underlying : t;
  switch (u.tag) {
    case 'Basic':
      switch (u.kind) {
        case 'bool': return a === b ? 0 : a ? 1 : -1;
        case 'string': return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
        case 'complex64': case 'complex128': {
          const x = a as Complex, y = b as Complex;
          return cmpNum(x.re, y.re) || cmpNum(x.im, y.im);
        }
        default: return cmpNum(a as number | bigint, b as number | bigint);
      }
    case 'Pointer': case 'Chan':
      return cmpNum(address(ctx, a), address(ctx, b));
    case 'Struct': {
      const x = a as unknown[], y = b as unknown[];
      for (let i = 0; i < u.fields.length; i++) {
        const c = compareKeys(ctx, u.fields[i].type, x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'Array': {
      const x = a as unknown[], y = b as unknown[];
      for (let i = 0; i < u.len; i++) {
        const c = compareKeys(ctx, u.elem, x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'Interface': {
      const x = a as Iface | null, y = b as Iface | null;
      if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
      const tx = typeString(x.t), ty = typeString(y.t);
      if (tx !== ty) {
        const rx = typeRank(x.t), ry = typeRank(y.t);
        if (rx !== ry) return rx - ry;
        return tx < ty ? -1 : 1;
      }
      return compareKeys(ctx, x.t, x.v, y.v);
    }
    default:
      return 0;
  }
}

export function sortedMapEntries(ctx: NativeCtx, keyType: Type, entries: [unknown, unknown][]): [unknown, unknown][] {
  return entries.slice().sort((p, q) => compareKeys(ctx, keyType, p[0], q[0]));
}
