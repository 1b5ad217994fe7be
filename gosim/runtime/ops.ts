// Operations on Go values as values.ts represents them: zero values, copies, equality, map
// keys, integer arithmetic with Go's wrap-around, and conversions. The compiler picks the
// right function once per expression from the static type, so these stay monomorphic.
import type { Type, BasicKind } from '../types/types.ts';
import type { Iface, Pointer, SliceValue, GoInt } from './values.ts';
import { normInt, decodeRune } from './values.ts';
import { under, identical } from '../types/predicates.ts';
import { runtimeErrorPanic, plainPanic } from './rterror.ts';
import { BIG_VALUE, fits, valueCost } from './memory.ts';
import { typeString } from '../types/typestring.ts';

/** A variable that escaped (captured by a closure or addressed): the Pointer to it is the box. */
export class Box implements Pointer {
  constructor(public v: unknown) {}
  load(): unknown { return this.v; }
  store(x: unknown): void { this.v = x; }
  get target(): object { return this; }
}

/** A pointer into an array-backed location: a struct field, an array or slice element. */
export class ElemPtr implements Pointer {
  constructor(readonly target: unknown[], readonly key: number) {}
  load(): unknown { return this.target[this.key]; }
  store(x: unknown): void { this.target[this.key] = x; }
}

/** A pointer to a struct or array value itself (which lives in place as a JS array). */
export class ValuePtr implements Pointer {
  constructor(readonly target: unknown[]) {}
  load(): unknown { return this.target; }
  store(x: unknown): void { copyInto(this.target, x as unknown[]); }
}

export class MapValue extends Map<unknown, [unknown, unknown]> {}

/** Copy a struct or array's elements into an existing one, deeply for nested structs/arrays. */
export function copyInto(dst: unknown[], src: unknown[]): void {
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    const d = dst[i];
    if (Array.isArray(x) && Array.isArray(d)) copyInto(d, x);
    else dst[i] = x;
  }
}

/** Whether values of t are JS arrays that must be copied on assignment (structs and arrays). */
export function isAggregate(t: Type): boolean {
  const u = under(t);
  return u.tag === 'Struct' || u.tag === 'Array';
}

/** Deep copy of a struct/array value (not through pointers, slices, maps or channels). */
export function copyAgg(v: unknown[]): unknown[] {
  const out = v.slice();
  for (let i = 0; i < out.length; i++) {
    const x = out[i];
    if (Array.isArray(x)) out[i] = copyAgg(x);
  }
  return out;
}

export function zeroFn(t: Type): () => unknown {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      switch (u.kind) {
        case 'bool': case 'untyped bool': return () => false;
        case 'string': case 'untyped string': return () => '';
        case 'complex64': case 'complex128': return () => ({ re: 0, im: 0 });
        case 'unsafe.Pointer': case 'untyped nil': return () => null;
        default: return () => 0;
      }
    case 'Struct': {
      const fs = u.fields.map((f) => zeroFn(f.type));
      return () => fs.map((f) => f());
    }
    case 'Array': {
      const z = zeroFn(u.elem);
      const n = u.len;
      // An array value lives in its variable and is not counted (memory.ts), but a big one must
      // fit in what is left: `var a [1 << 30]int` would otherwise take the JS heap down.
      const bytes = valueCost(t);
      if (bytes > BIG_VALUE) return () => { fits(bytes); const a = new Array<unknown>(n); for (let i = 0; i < n; i++) a[i] = z(); return a; };
      return () => { const a = new Array<unknown>(n); for (let i = 0; i < n; i++) a[i] = z(); return a; };
    }
    default:
      return () => null;
  }
}

export function zeroValue(t: Type): unknown { return zeroFn(t)(); }

// ---------------------------------------------------------------- equality and map keys

export function ptrEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const p = a as Pointer, q = b as Pointer;
  return p.target === q.target && p.key === q.key;
}

/** == for two values of static type t (Go's rules; interfaces compare dynamic type and value). */
export function equalFn(t: Type): (a: unknown, b: unknown) => boolean {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      if (u.kind === 'complex64' || u.kind === 'complex128') {
        return (a, b) => (a as { re: number }).re === (b as { re: number }).re && (a as { im: number }).im === (b as { im: number }).im;
      }
      return (a, b) => a === b;
    case 'Pointer': return ptrEq;
    case 'Interface': return ifaceEq;
    case 'Struct': {
      const fs = u.fields.map((f) => equalFn(f.type));
      return (a, b) => {
        const x = a as unknown[], y = b as unknown[];
        for (let i = 0; i < fs.length; i++) if (!fs[i]!(x[i], y[i])) return false;
        return true;
      };
    }
    case 'Array': {
      const e = equalFn(u.elem);
      return (a, b) => {
        const x = a as unknown[], y = b as unknown[];
        for (let i = 0; i < x.length; i++) if (!e(x[i], y[i])) return false;
        return true;
      };
    }
    default: return (a, b) => a === b;
  }
}

const eqCache = new WeakMap<Type, (a: unknown, b: unknown) => boolean>();

export function ifaceEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const x = a as Iface, y = b as Iface;
  if (x.t !== y.t && !identical(x.t, y.t)) return false;
  let eq = eqCache.get(x.t);
  if (!eq) {
    if (!comparableType(x.t)) throw runtimeErrorPanic(`comparing uncomparable type ${typeString(x.t)}`);
    eq = equalFn(x.t);
    eqCache.set(x.t, eq);
  }
  return eq(x.v, y.v);
}

function comparableType(t: Type): boolean {
  const u = under(t);
  switch (u.tag) {
    case 'Slice': case 'Map': case 'Signature': return false;
    case 'Struct': return u.fields.every((f) => comparableType(f.type));
    case 'Array': return comparableType(u.elem);
    default: return true;
  }
}

const objIds = new WeakMap<object, number>();
let nextObjId = 1;
export function objId(o: object): number {
  let id = objIds.get(o);
  if (id === undefined) { id = nextObjId++; objIds.set(o, id); }
  return id;
}

/** A JS Map key for a Go map key of type t: equal Go keys give === JS keys. */
export function mapKeyFn(t: Type): (k: unknown) => unknown {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      if (u.kind === 'complex64' || u.kind === 'complex128') return (k) => { const c = k as { re: number; im: number }; return `${c.re},${c.im}`; };
      return (k) => k;
    case 'Chan': return (k) => k;
    case 'Pointer': return (k) => k === null ? null : ((k as Pointer).key === undefined ? (k as Pointer).target : `p${objId((k as Pointer).target)}.${String((k as Pointer).key)}`);
    case 'Interface': return ifaceKey;
    case 'Struct': case 'Array': {
      const s = canonFn(t);
      return (k) => s(k);
    }
    default: return (k) => k;
  }
}

function ifaceKey(k: unknown): unknown {
  if (k === null) return null;
  const x = k as Iface;
  if (!comparableType(x.t)) throw runtimeErrorPanic(`hash of unhashable type ${typeString(x.t)}`);
  const u = under(x.t);
  const inner = u.tag === 'Basic' && u.kind !== 'complex64' && u.kind !== 'complex128' ? (k as Iface).v : canonFn(x.t)(x.v);
  return `${typeString(x.t)}\u0000${typeof inner === 'string' ? 's' + inner : String(inner)}`;
}

/** A canonical string for a comparable value, for struct/array/interface map keys. */
function canonFn(t: Type): (v: unknown) => string {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      if (u.kind === 'string') return (v) => JSON.stringify(v);
      if (u.kind === 'complex64' || u.kind === 'complex128') return (v) => { const c = v as { re: number; im: number }; return `(${c.re},${c.im})`; };
      return (v) => String(v);
    case 'Struct': {
      const fs = u.fields.map((f) => canonFn(f.type));
      return (v) => { const a = v as unknown[]; let s = '{'; for (let i = 0; i < fs.length; i++) s += fs[i]!(a[i]) + ';'; return s + '}'; };
    }
    case 'Array': {
      const e = canonFn(u.elem);
      return (v) => '[' + (v as unknown[]).map(e).join(';') + ']';
    }
    case 'Interface': return (v) => String(ifaceKey(v));
    case 'Pointer': return (v) => v === null ? 'nil' : `p${objId((v as Pointer).target)}.${String((v as Pointer).key)}`;
    case 'Chan': return (v) => v === null ? 'nil' : `c${objId(v as object)}`;
    default: return (v) => String(v);
  }
}

// ---------------------------------------------------------------- integers

export type IntKind = 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32' | 'int64' | 'uint64';

export function intKind(k: BasicKind): IntKind | null {
  switch (k) {
    case 'int8': case 'int16': case 'int32': case 'uint8': case 'uint16': case 'uint32': case 'int64': case 'uint64': return k;
    case 'int': case 'untyped int': case 'untyped rune': return 'int64';
    case 'uint': case 'uintptr': return 'uint64';
    default: return null;
  }
}

/** Wrap a JS number (an exact integer) to the kind's range. */
export function wrapNum(k: IntKind): (x: number) => GoInt {
  switch (k) {
    case 'int8': return (x) => (x << 24) >> 24;
    case 'int16': return (x) => (x << 16) >> 16;
    case 'int32': return (x) => x | 0;
    case 'uint8': return (x) => x & 0xff;
    case 'uint16': return (x) => x & 0xffff;
    case 'uint32': return (x) => x >>> 0;
    case 'int64': return (x) => Number.isSafeInteger(x) ? x : normInt(BigInt.asIntN(64, BigInt(x)));
    case 'uint64': return (x) => Number.isSafeInteger(x) && x >= 0 ? x : normInt(BigInt.asUintN(64, BigInt(x)));
  }
}

function big(x: unknown): bigint { return typeof x === 'bigint' ? x : BigInt(x as number); }

/** Wrap any exact integer (number possibly unsafe, or bigint) to kind k. */
export function wrapAny(k: IntKind, x: number | bigint): GoInt {
  if (typeof x === 'number' && Number.isSafeInteger(x)) return wrapNum(k)(x);
  const b = typeof x === 'bigint' ? x : BigInt(Math.trunc(x));
  switch (k) {
    case 'int8': return Number(BigInt.asIntN(8, b));
    case 'int16': return Number(BigInt.asIntN(16, b));
    case 'int32': return Number(BigInt.asIntN(32, b));
    case 'uint8': return Number(BigInt.asUintN(8, b));
    case 'uint16': return Number(BigInt.asUintN(16, b));
    case 'uint32': return Number(BigInt.asUintN(32, b));
    case 'int64': return normInt(BigInt.asIntN(64, b));
    case 'uint64': return normInt(BigInt.asUintN(64, b));
  }
}

type Bin = (a: unknown, b: unknown) => unknown;

function is64(k: IntKind): boolean { return k === 'int64' || k === 'uint64'; }
function signed(k: IntKind): boolean { return k[0] === 'i'; }

function divZero(): never { throw runtimeErrorPanic('integer divide by zero'); }

export function intBinary(op: string, k: IntKind): Bin {
  const w = wrapNum(k);
  const wb = (x: bigint) => wrapAny(k, x);
  if (!is64(k)) {
    switch (op) {
      case '+': return (a, b) => w((a as number) + (b as number));
      case '-': return (a, b) => w((a as number) - (b as number));
      case '*': return (a, b) => w(Math.imul(a as number, b as number));
      case '/': return (a, b) => { if (b === 0) divZero(); return w(Math.trunc((a as number) / (b as number))); };
      case '%': return (a, b) => { if (b === 0) divZero(); return w((a as number) % (b as number)); };
      case '&': return (a, b) => w((a as number) & (b as number));
      case '|': return (a, b) => w((a as number) | (b as number));
      case '^': return (a, b) => w((a as number) ^ (b as number));
      case '&^': return (a, b) => w((a as number) & ~(b as number));
    }
  }
  // 64-bit values within the safe integer range are numbers, the rest bigints. Sums, differences
  // and products of safe integers are whole numbers, so a range check says whether a result is
  // exact and in range (a rounded result past the range cannot round back into it).
  const hi = Number.MAX_SAFE_INTEGER, lo = signed(k) ? -hi : 0;
  switch (op) {
    case '+': return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number') { const r = a + b; if (r <= hi && r >= lo) return r; }
      return wb(big(a) + big(b));
    };
    case '-': return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number') { const r = a - b; if (r <= hi && r >= lo) return r; }
      return wb(big(a) - big(b));
    };
    case '*': return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number') { const r = a * b; if (r <= hi && r >= lo) return r === 0 ? 0 : r; }
      return wb(big(a) * big(b));
    };
    case '/': return (a, b) => {
      if (b === 0) divZero();
      if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 0x7fffffff && Math.abs(b) <= 0x7fffffff) {
        const r = Math.trunc(a / b); return r === 0 ? 0 : r;
      }
      return wb(big(a) / big(b));
    };
    case '%': return (a, b) => {
      if (b === 0) divZero();
      if (typeof a === 'number' && typeof b === 'number') { const r = a % b; return r === 0 ? 0 : r; }
      return wb(big(a) % big(b));
    };
    case '&': return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return w(a & b);
      return wb(big(a) & big(b));
    };
    case '|': return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return w(a | b);
      return wb(big(a) | big(b));
    };
    case '^': return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return w(a ^ b);
      return wb(big(a) ^ big(b));
    };
    case '&^': return (a, b) => wb(big(a) & ~big(b));
  }
  throw new Error(`gosim: no integer operator ${op}`);
}

function shiftCount(s: unknown): number {
  if (typeof s === 'bigint') {
    if (s < 0n) throw runtimeErrorPanic('negative shift amount');
    return s > 1000n ? 1000 : Number(s);
  }
  const n = s as number;
  if (n < 0) throw runtimeErrorPanic('negative shift amount');
  return n;
}

export function intShift(op: '<<' | '>>', k: IntKind, countSigned: boolean): Bin {
  void countSigned;
  const bits = k.endsWith('8') ? 8 : k.endsWith('16') ? 16 : k.endsWith('32') ? 32 : 64;
  const sgn = signed(k);
  if (op === '<<') {
    return (a, s) => {
      const n = shiftCount(s);
      if (n >= bits) return 0;
      if (typeof a === 'number' && n < 53) { const r = a * 2 ** n; if (Number.isSafeInteger(r)) return wrapAny(k, r); }
      return wrapAny(k, big(a) << BigInt(n));
    };
  }
  return (a, s) => {
    const n = shiftCount(s);
    if (n >= bits) return sgn && (typeof a === 'bigint' ? a < 0n : (a as number) < 0) ? -1 : 0;
    if (typeof a === 'number') return Math.floor(a / 2 ** n);
    return wrapAny(k, (a as bigint) >> BigInt(n));
  };
}

export function intNeg(k: IntKind): (a: unknown) => unknown {
  return (a) => {
    if (typeof a === 'number') { const r = -a; return wrapAny(k, r === 0 ? 0 : r); }
    return wrapAny(k, -(a as bigint));
  };
}

export function intNot(k: IntKind): (a: unknown) => unknown {
  return (a) => wrapAny(k, ~big(a));
}

// ---------------------------------------------------------------- conversions

export function toNumber(x: unknown): number { return typeof x === 'bigint' ? Number(x) : (x as number); }

export function floatToInt(k: IntKind, x: number): GoInt {
  if (!Number.isFinite(x)) return signed(k) ? (is64(k) ? -9223372036854775808n : wrapAny(k, 0)) : 0;
  return wrapAny(k, Math.trunc(x));
}

/** string(r) for an integer rune value. */
export function runeToString(r: unknown): string {
  let n = typeof r === 'bigint' ? -1 : (r as number);
  if (n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) n = 0xfffd;
  if (n < 0x80) return String.fromCharCode(n);
  if (n < 0x800) return String.fromCharCode(0xc0 | (n >> 6), 0x80 | (n & 63));
  if (n < 0x10000) return String.fromCharCode(0xe0 | (n >> 12), 0x80 | ((n >> 6) & 63), 0x80 | (n & 63));
  return String.fromCharCode(0xf0 | (n >> 18), 0x80 | ((n >> 12) & 63), 0x80 | ((n >> 6) & 63), 0x80 | (n & 63));
}

export function stringToBytes(s: string): SliceValue {
  const arr = new Array<unknown>(s.length);
  for (let i = 0; i < s.length; i++) arr[i] = s.charCodeAt(i);
  return { arr, off: 0, len: s.length, cap: s.length };
}

export function bytesToString(b: SliceValue | null): string {
  if (b === null) return '';
  let out = '';
  for (let i = 0; i < b.len; i++) out += String.fromCharCode(b.arr[b.off + i] as number);
  return out;
}

export function stringToRunes(s: string): SliceValue {
  const arr: unknown[] = [];
  for (let i = 0; i < s.length; ) { const [r, n] = decodeRune(s, i); arr.push(r); i += n; }
  return { arr, off: 0, len: arr.length, cap: arr.length };
}

export function runesToString(b: SliceValue | null): string {
  if (b === null) return '';
  let out = '';
  for (let i = 0; i < b.len; i++) out += runeToString(b.arr[b.off + i]);
  return out;
}

export function nilMapWrite(): never { throw plainPanic('assignment to entry in nil map'); }
