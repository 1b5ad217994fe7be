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
import type { Type } from './types/types.ts';

/** Bytes of a Go string, one char per byte. */
export type GoString = string;

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

/** Encode a JS (UTF-16) string to a GoString of UTF-8 bytes; lone surrogates become U+FFFD. */
export function goString(s: string): GoString {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * Decode one UTF-8 sequence at byte i, as Go's utf8.DecodeRuneInString does:
 * an invalid or short sequence yields [0xFFFD, 1].
 */
export function decodeRune(s: GoString, i: number): [rune: number, size: number] {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const cont = (k: number) => {
    const b = s.charCodeAt(i + k);
    return b >= 0x80 && b <= 0xbf ? b & 63 : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    if (c1 >= 0) return [((b0 & 31) << 6) | c1, 2];
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      const r = ((b0 & 15) << 12) | (c1 << 6) | c2;
      if (r >= 0x800 && (r < 0xd800 || r > 0xdfff)) return [r, 3];
    }
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const r = ((b0 & 7) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
    }
  }
  return [0xfffd, 1];
}

/** Decode a GoString's bytes as UTF-8 for display; invalid bytes become U+FFFD. */
export function jsString(s: GoString): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
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
