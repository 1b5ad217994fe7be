// How Go values live in JavaScript while gosim runs a program. Every layer that touches
// values (compiler, runtime, lib/*) follows these rules, so they are fixed in one place.
//
//  Go type                         JS representation
//  ------------------------------  ------------------------------------------------------------
//  bool                            boolean
//  int8/16/32, uint8/16/32, rune   number, always wrapped to the type's range after arithmetic
//  int, int64, uint, uint64,       number while the value is a safe integer (|v| <= 2^53-1),
//  uintptr                         bigint only outside that range ("normalized": the same value
//                                  never has two forms, so === and Map keys work; < > work mixed)
//  float64                         number; float32: number rounded with Math.fround
//  complex64/128                   Complex {re, im}
//  string                          GoString: a JS string of BYTES, each char code 0..255 (the
//                                  UTF-8 encoding of the Go string). len(s) is s.length, s[i] is
//                                  s.charCodeAt(i). Decode with utf8 helpers only to display.
//  array [N]T                      JS array of N element values (copied on assignment)
//  slice []T                       SliceValue {arr, off, len, cap}; nil slice is null
//  struct                          StructValue: JS array of field values in declaration order
//                                  (copied on assignment); field i is v[i]
//  pointer *T                      Pointer: an object with load()/store(v) (see below); nil is null.
//                                  &x of a struct variable is a Pointer whose load() returns the
//                                  very StructValue (so p.f = 1 mutates it in place).
//  map[K]V                         MapValue (JS Map from a key string/number to [key, value]); nil is null
//  chan T                          Channel object from runtime/; nil is null
//  func                            a JS function (compiled Go function) or null for nil
//  interface (any, error, ...)     Iface {t: Type, v: value} carrying the dynamic type; nil is null
//
// Where a value must be copied (assignment, passing, storing into an interface) the compiler
// calls `copyValue(type, v)`, which copies arrays and structs deeply (but not through pointers,
// slices, maps or channels, exactly like Go).
import type { Type } from '../types/types.ts';

export { decodeRune, goString, jsString, type GoString } from '../syntax/utf8.ts';

export type GoInt = number | bigint;

export interface SliceValue<T = unknown> {
  arr: T[];
  off: number;
  len: number;
  cap: number;
}

export type StructValue = unknown[];

export interface Pointer<T = unknown> {
  load(): T;
  store(v: T): void;
  /** Identity for == and for printing addresses: two pointers to the same variable share it. */
  readonly target: object;
  readonly key?: string | number;
}

export interface Iface {
  t: Type;
  v: unknown;
}

export interface Complex {
  re: number;
  im: number;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Bring a 64-bit integer to its normalized form: number when safe, bigint otherwise. */
export function normInt(v: bigint): GoInt {
  return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

/** Wrap an exact integer to a signed or unsigned width and normalize it. */
export function wrapInt(v: bigint, bits: 8 | 16 | 32 | 64, signed: boolean): GoInt {
  return normInt(signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
}
