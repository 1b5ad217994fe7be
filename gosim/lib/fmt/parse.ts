// Printf's format-string pieces: numbers for widths and precisions, `[n]` argument indexes and
// `*` operands, with Go's limits (a number over a million is not a number).
import type { GoString, Iface } from '../../runtime/values.ts';
import { isSigned, isUnsigned, under } from './kinds.ts';

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

export function parsenum(s: GoString, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0, isnum = false, i = start;
  for (; i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + s.charCodeAt(i) - 48;
    isnum = true;
  }
  return [num, isnum, i];
}

export function parseArgNumber(format: GoString): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

export function intFromArg(a: (Iface | null)[], argNum: number): [number, boolean, number] {
  let num = 0, isInt = false;
  if (argNum < a.length) {
    const arg = a[argNum];
    if (arg !== null) {
      const u = under(arg.t);
      if (u.tag === 'Basic' && (isSigned(u.kind) || isUnsigned(u.kind))) {
        const v = arg.v as number | bigint;
        if (typeof v === 'number') { num = v; isInt = true; }
        else if (v >= -(2n ** 63n) && v < 2n ** 63n) { num = Number(v); isInt = true; }
      }
    }
    argNum++;
    if (tooLarge(num)) { num = 0; isInt = false; }
  }
  return [num, isInt, argNum];
}
