// The high-level half of fmt (Go's fmt/print.go): walking a value by its dynamic type, calling
// Error()/String() (Go code, hence generators), the %!verb(...) error forms, and Printf's
// format-string parser.
import type { NativeCtx, GoFunc } from '../../runtime/native.ts';
import type { Iface, GoString, Pointer as PointerValue, SliceValue, Complex } from '../../runtime/values.ts';
import type { Type, Func } from '../../types/types.ts';
import { decodeRune } from '../../runtime/values.ts';
import { encodeRune } from './quote.ts';
import { Fmt, LDIGITS, UDIGITS } from './format.ts';
import { typeString } from './typestring.ts';
import { addressOf } from './addresses.ts';
import { sortedMapEntries } from './mapsort.ts';
import { callRecovering } from './values.ts';
import { isSigned, isUnsigned, under } from './kinds.ts';
import { isPtrRecv, mayHaveMethods, stringMethod } from './methods.ts';
import { intFromArg, parseArgNumber, parsenum } from './parse.ts';

export { under };

export type Gen<T> = Generator<unknown, T, unknown>;


function exported(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(name);
}



/** A JS Map keyed by a hashable form of the Go key, holding [key, value] (values.ts). */
export type MapLike = Map<unknown, [unknown, unknown]>;

export function sliceElems(v: SliceValue | null): unknown[] {
  if (v === null) return [];
  return v.arr.slice(v.off, v.off + v.len);
}

interface TypedValue { t: Type; v: unknown }

export class Printer {
  readonly f = new Fmt();
  private arg: Iface | null = null;
  private value: TypedValue | null = null;
  private erroring = false;
  private panicking = false;
  /** Errorf: %w is allowed and the wrapped operands are recorded. */
  wrapErrs = false;
  wrappedErrs: number[] = [];
  reordered = false;
  private goodArgNum = true;

  constructor(readonly ctx: NativeCtx) {}

  get buf(): GoString { return this.f.buf; }

  // ------------------------------------------------------------ operands by kind

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.f.fmtBoolean(v);
    else this.badVerb(verb);
  }

  private fmt0x64(v: number | bigint, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.f.fmtInteger(v, 16, false, 'v', LDIGITS);
    this.f.sharp = sharp;
  }

  private fmtInteger(v: number | bigint, signed: boolean, verb: string): void {
    const f = this.f;
    switch (verb) {
      case 'v':
        if (f.sharpV && !signed) this.fmt0x64(v, true);
        else f.fmtInteger(v, 10, signed, verb, LDIGITS);
        return;
      case 'd': f.fmtInteger(v, 10, signed, verb, LDIGITS); return;
      case 'b': f.fmtInteger(v, 2, signed, verb, LDIGITS); return;
      case 'o': case 'O': f.fmtInteger(v, 8, signed, verb, LDIGITS); return;
      case 'x': f.fmtInteger(v, 16, signed, verb, LDIGITS); return;
      case 'X': f.fmtInteger(v, 16, signed, verb, UDIGITS); return;
      case 'c': f.fmtC(v); return;
      case 'q': f.fmtQc(v); return;
      case 'U': f.fmtUnicode(v); return;
      default: this.badVerb(verb);
    }
  }

  private fmtFloat(v: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v': this.f.fmtFloat(v, size, 'g', -1); return;
      case 'b': case 'g': case 'G': case 'x': case 'X': this.f.fmtFloat(v, size, verb, -1); return;
      case 'f': case 'e': case 'E': this.f.fmtFloat(v, size, verb, 6); return;
      case 'F': this.f.fmtFloat(v, size, 'f', 6); return;
      default: this.badVerb(verb);
    }
  }

  private fmtComplex(v: Complex, size: 64 | 128, verb: string): void {
    switch (verb) {
      case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
        const oldPlus = this.f.plus;
        this.f.buf += '(';
        this.fmtFloat(v.re, size === 64 ? 32 : 64, verb);
        this.f.plus = true;
        this.fmtFloat(v.im, size === 64 ? 32 : 64, verb);
        this.f.buf += 'i)';
        this.f.plus = oldPlus;
        return;
      }
      default: this.badVerb(verb);
    }
  }

  private fmtString(v: GoString, verb: string): void {
    switch (verb) {
      case 'v': if (this.f.sharpV) this.f.fmtQ(v); else this.f.fmtS(v); return;
      case 's': this.f.fmtS(v); return;
      case 'x': this.f.fmtSbx(v, LDIGITS); return;
      case 'X': this.f.fmtSbx(v, UDIGITS); return;
      case 'q': this.f.fmtQ(v); return;
      default: this.badVerb(verb);
    }
  }

  private addressOfValue(t: Type, v: unknown): number {
    if (v === null || v === undefined) return 0;
    const u = under(t);
    if (u.tag === 'Pointer') {
      const p = v as PointerValue;
      return addressOf(this.ctx, p.target, p.key);
    }
    if (u.tag === 'Slice') {
      const s = v as SliceValue;
      return addressOf(this.ctx, s.arr, s.off);
    }
    if (typeof v === 'object' || typeof v === 'function') return addressOf(this.ctx, v as object);
    return 0;
  }

  private fmtPointer(t: Type, v: unknown, verb: string): void {
    const u = under(t);
    const kind = u.tag === 'Basic' ? (u.kind === 'unsafe.Pointer' ? 'ptr' : '') : u.tag;
    if (!(kind === 'Chan' || kind === 'Signature' || kind === 'Map' || kind === 'Pointer' || kind === 'Slice' || kind === 'ptr')) {
      this.badVerb(verb);
      return;
    }
    const addr = kind === 'ptr' ? Number(v ?? 0) : this.addressOfValue(t, v);
    switch (verb) {
      case 'v':
        if (this.f.sharpV) {
          this.f.buf += '(' + typeString(t) + ')(';
          if (addr === 0) this.f.buf += 'nil';
          else this.fmt0x64(addr, true);
          this.f.buf += ')';
        } else if (addr === 0) this.f.pad('<nil>');
        else this.fmt0x64(addr, !this.f.sharp);
        return;
      case 'p': this.fmt0x64(addr, !this.f.sharp); return;
      case 'b': case 'o': case 'd': case 'x': case 'X': this.fmtInteger(addr, false, verb); return;
      default: this.badVerb(verb);
    }
  }

  private badVerb(verb: string): void {
    this.erroring = true;
    this.f.buf += '%!' + verb + '(';
    if (this.arg !== null) {
      this.f.buf += typeString(this.arg.t) + '=';
      // Go re-enters printArg here; its method calls are suppressed while erroring, so
      // the synchronous walk below prints the same bytes.
      this.printValueSync(this.arg.t, this.arg.v, 'v', 0);
    } else if (this.value !== null) {
      this.f.buf += typeString(this.value.t) + '=';
      this.printValueSync(this.value.t, this.value.v, 'v', 0);
    } else this.f.buf += '<nil>';
    this.f.buf += ')';
    this.erroring = false;
  }

  /** printValue for paths that never call methods (while erroring). */
  private printValueSync(t: Type, v: unknown, verb: string, depth: number): void {
    const g = this.printValue(t, v, verb, depth, false);
    for (let r = g.next(); !r.done; r = g.next()) { /* no method calls while erroring */ }
  }

  // ------------------------------------------------------------ methods

  private *callStringMethod(arg: Iface, m: Func, name: string, verb: string): Gen<boolean> {
    const u = under(arg.t);
    if (u.tag === 'Pointer' && arg.v === null && !isPtrRecv(m)) {
      // Go's catchPanic: a value method called through a nil pointer prints <nil>.
      this.f.buf += '<nil>';
      return true;
    }
    const fn: GoFunc | null = this.ctx.method(arg, name);
    if (fn === null) return false;
    const r = yield* callRecovering(this.ctx, fn);
    if (r.ok) this.fmtString(r.value as GoString, verb);
    else yield* this.catchPanic(arg, verb, name, r.panic);
    return true;
  }

  private *catchPanic(arg: Iface, verb: string, method: string, value: Iface | null): Gen<void> {
    if (under(arg.t).tag === 'Pointer' && arg.v === null) {
      this.f.buf += '<nil>';
      return;
    }
    if (this.panicking) this.ctx.panic(value);
    const f = this.f;
    const saved = { wid: f.wid, prec: f.prec, widPresent: f.widPresent, precPresent: f.precPresent, minus: f.minus, plus: f.plus, sharp: f.sharp, space: f.space, zero: f.zero, plusV: f.plusV, sharpV: f.sharpV };
    f.clearFlags();
    f.buf += '%!' + verb + '(PANIC=' + method + ' method: ';
    this.panicking = true;
    yield* this.printArg(value, 'v');
    this.panicking = false;
    f.buf += ')';
    Object.assign(f, saved);
  }

  private *handleMethods(arg: Iface, verb: string): Gen<boolean> {
    if (this.erroring) return false;
    if (verb === 'w') {
      if (!this.wrapErrs || stringMethod(arg.t, 'Error') === null) {
        this.badVerb(verb);
        return true;
      }
      verb = 'v';
    }
    if (!mayHaveMethods(arg.t)) return false;
    if (this.f.sharpV) {
      const gs = stringMethod(arg.t, 'GoString');
      if (gs) {
        const fn = this.ctx.method(arg, 'GoString');
        if (fn) {
          const r = yield* callRecovering(this.ctx, fn);
          if (r.ok) this.f.fmtS(r.value as GoString);
          else yield* this.catchPanic(arg, verb, 'GoString', r.panic);
          return true;
        }
      }
      return false;
    }
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    const em = stringMethod(arg.t, 'Error');
    if (em) return yield* this.callStringMethod(arg, em, 'Error', verb);
    const sm = stringMethod(arg.t, 'String');
    if (sm) return yield* this.callStringMethod(arg, sm, 'String', verb);
    return false;
  }

  // ------------------------------------------------------------ values

  /** printArg for operands that cannot have methods; false when the operand needs the full walk. */
  private printArgPlain(arg: Iface | null, verb: string): boolean {
    this.arg = arg;
    this.value = null;
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.f.pad('<nil>');
      else this.badVerb(verb);
      return true;
    }
    const t = arg.t;
    if (t.tag !== 'Basic') return false;
    if (verb === 'T') this.f.fmtS(typeString(t));
    else if (verb === 'p') this.fmtPointer(t, arg.v, 'p');
    else this.printBasic(t.kind, arg.v, verb);
    return true;
  }

  *printArg(arg: Iface | null, verb: string): Gen<void> {
    if (this.printArgPlain(arg, verb) || arg === null) return;
    this.arg = arg;
    this.value = null;
    if (verb === 'T') { this.f.fmtS(typeString(arg.t)); return; }
    if (verb === 'p') { this.fmtPointer(arg.t, arg.v, 'p'); return; }
    if (arg.t.tag === 'Slice' && this.f.sharpV && verb === 'v') {
      // Go special-cases a plain []byte operand and names it `[]byte` (reflect says []uint8).
      const e = arg.t.elem;
      if (e.tag === 'Basic' && e.kind === 'uint8') {
        this.fmtBytesSharpV(arg.v as SliceValue | null);
        return;
      }
    }
    if (!(yield* this.handleMethods(arg, verb))) yield* this.printValue(arg.t, arg.v, verb, 0, false);
  }

  private fmtBytesSharpV(v: SliceValue | null): void {
    this.f.buf += '[]byte';
    if (v === null) { this.f.buf += '(nil)'; return; }
    this.f.buf += '{';
    for (let i = 0; i < v.len; i++) {
      if (i > 0) this.f.buf += ', ';
      this.fmt0x64(v.arr[v.off + i] as number, true);
    }
    this.f.buf += '}';
  }

  private printBasic(kind: string, v: unknown, verb: string): void {
    switch (kind) {
      case 'bool': case 'untyped bool': this.fmtBool(v as boolean, verb); return;
      case 'string': case 'untyped string': this.fmtString(v as GoString, verb); return;
      case 'float32': this.fmtFloat(v as number, 32, verb); return;
      case 'float64': case 'untyped float': this.fmtFloat(v as number, 64, verb); return;
      case 'complex64': this.fmtComplex(v as Complex, 64, verb); return;
      case 'complex128': case 'untyped complex': this.fmtComplex(v as Complex, 128, verb); return;
      case 'unsafe.Pointer': this.fmtPointer({ tag: 'Basic', kind: 'unsafe.Pointer', name: 'unsafe.Pointer' } as Type, v, verb); return;
    }
    if (isSigned(kind)) this.fmtInteger(v as number | bigint, true, verb);
    else if (isUnsigned(kind)) this.fmtInteger(v as number | bigint, false, verb);
    else this.f.buf += '?';
  }

  *printValue(t: Type, v: unknown, verb: string, depth: number, ro: boolean): Gen<void> {
    const u = under(t);
    if (depth > 0 && !ro && u.tag !== 'Interface' && mayHaveMethods(t)) {
      this.arg = { t, v };
      if (yield* this.handleMethods(this.arg, verb)) return;
    }
    this.arg = null;
    this.value = { t, v };
    const f = this.f;
    switch (u.tag) {
      case 'Basic':
        this.printBasic(u.kind, v, verb);
        return;
      case 'Map': {
        if (f.sharpV) {
          f.buf += typeString(t);
          if (v === null) { f.buf += '(nil)'; return; }
          f.buf += '{';
        } else f.buf += 'map[';
        const entries = v === null ? [] : sortedMapEntries(this.ctx, u.key, [...(v as MapLike).values()]);
        for (let i = 0; i < entries.length; i++) {
          if (i > 0) f.buf += f.sharpV ? ', ' : ' ';
          yield* this.printValue(u.key, entries[i][0], verb, depth + 1, ro);
          f.buf += ':';
          yield* this.printValue(u.elem, entries[i][1], verb, depth + 1, ro);
        }
        f.buf += f.sharpV ? '}' : ']';
        return;
      }
      case 'Struct': {
        if (f.sharpV) f.buf += typeString(t);
        f.buf += '{';
        const sv = v as unknown[];
        for (let i = 0; i < u.fields.length; i++) {
          const fld = u.fields[i];
          if (i > 0) f.buf += f.sharpV ? ', ' : ' ';
          if ((f.plusV || f.sharpV) && fld.name !== '') f.buf += fld.name + ':';
          yield* this.printValue(fld.type, sv[i], verb, depth + 1, ro || !exported(fld.name));
        }
        f.buf += '}';
        return;
      }
      case 'Interface': {
        const iv = v as Iface | null;
        if (iv === null) {
          if (f.sharpV) f.buf += typeString(t) + '(nil)';
          else f.buf += '<nil>';
        } else yield* this.printValue(iv.t, iv.v, verb, depth + 1, ro);
        return;
      }
      case 'Array': case 'Slice': {
        const elems = u.tag === 'Array' ? (v as unknown[]) : sliceElems(v as SliceValue | null);
        const eu = under(u.elem);
        if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && eu.tag === 'Basic' && eu.kind === 'uint8') {
          let bytes = '';
          for (const b of elems) bytes += String.fromCharCode(b as number);
          if (verb === 's') f.fmtS(bytes);
          else if (verb === 'q') f.fmtQ(bytes);
          else f.fmtSbx(bytes, verb === 'x' ? LDIGITS : UDIGITS);
          return;
        }
        if (f.sharpV) {
          f.buf += typeString(t);
          if (u.tag === 'Slice' && v === null) { f.buf += '(nil)'; return; }
          f.buf += '{';
          for (let i = 0; i < elems.length; i++) {
            if (i > 0) f.buf += ', ';
            yield* this.printValue(u.elem, elems[i], verb, depth + 1, ro);
          }
          f.buf += '}';
        } else {
          f.buf += '[';
          for (let i = 0; i < elems.length; i++) {
            if (i > 0) f.buf += ' ';
            yield* this.printValue(u.elem, elems[i], verb, depth + 1, ro);
          }
          f.buf += ']';
        }
        return;
      }
      case 'Pointer': {
        if (depth === 0 && v !== null) {
          const eu = under(u.elem);
          if (eu.tag === 'Array' || eu.tag === 'Slice' || eu.tag === 'Struct' || eu.tag === 'Map') {
            f.buf += '&';
            yield* this.printValue(u.elem, (v as PointerValue).load(), verb, depth + 1, ro);
            return;
          }
        }
        this.fmtPointer(t, v, verb);
        return;
      }
      case 'Chan': case 'Signature':
        this.fmtPointer(t, v, verb);
        return;
      default:
        f.buf += '?';
    }
  }

  // ------------------------------------------------------------ Print, Println, Printf

  *doPrint(a: (Iface | null)[]): Gen<void> {
    let prevString = false;
    for (let i = 0; i < a.length; i++) {
      const arg = a[i];
      const isString = arg !== null && (() => { const u = under(arg.t); return u.tag === 'Basic' && (u.kind === 'string' || u.kind === 'untyped string'); })();
      if (i > 0 && !isString && !prevString) this.f.buf += ' ';
      if (!this.printArgPlain(arg, 'v')) yield* this.printArg(arg, 'v');
      prevString = isString;
    }
  }

  *doPrintln(a: (Iface | null)[]): Gen<void> {
    for (let i = 0; i < a.length; i++) {
      if (i > 0) this.f.buf += ' ';
      if (!this.printArgPlain(a[i], 'v')) yield* this.printArg(a[i], 'v');
    }
    this.f.buf += '\n';
  }

  private argNumber(argNum: number, format: GoString, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  *doPrintf(format: GoString, a: (Iface | null)[]): Gen<void> {
    const f = this.f;
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    formatLoop: for (let i = 0; i < end; ) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 37) i++;
      if (i > lasti) f.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      f.clearFlags();
      simple: for (; i < end; i++) {
        const c = format[i];
        switch (c) {
          case '#': f.sharp = true; break;
          case '0': f.zero = true; break;
          case '+': f.plus = true; break;
          case '-': f.minus = true; break;
          case ' ': f.space = true; break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'w') this.wrappedErrs.push(argNum);
              if (c === 'v' || c === 'w') {
                f.sharpV = f.sharp; f.sharp = false;
                f.plusV = f.plus; f.plus = false;
              }
              if (!this.printArgPlain(a[argNum], c)) yield* this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [f.wid, f.widPresent, argNum] = intFromArg(a, argNum);
        if (!f.widPresent) f.buf += '%!(BADWIDTH)';
        if (f.wid < 0) { f.wid = -f.wid; f.minus = true; f.zero = false; }
        afterIndex = false;
      } else {
        [f.wid, f.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && f.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          [f.prec, f.precPresent, argNum] = intFromArg(a, argNum);
          if (f.prec < 0) { f.prec = 0; f.precPresent = false; }
          if (!f.precPresent) f.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [f.prec, f.precPresent, i] = parsenum(format, i, end);
          if (!f.precPresent) { f.prec = 0; f.precPresent = true; }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) { f.buf += '%!(NOVERB)'; break; }
      let verb = format[i];
      let size = 1;
      if (format.charCodeAt(i) >= 0x80) {
        const [r, n] = decodeRune(format, i);
        verb = encodeRune(r);
        size = n;
      }
      i += size;
      if (verb === '%') f.buf += '%';
      else if (!this.goodArgNum) f.buf += '%!' + verb + '(BADINDEX)';
      else if (argNum >= a.length) f.buf += '%!' + verb + '(MISSING)';
      else {
        if (verb === 'w') this.wrappedErrs.push(argNum);
        if (verb === 'v' || verb === 'w') {
          f.sharpV = f.sharp; f.sharp = false;
          f.plusV = f.plus; f.plus = false;
        }
        if (!this.printArgPlain(a[argNum], verb)) yield* this.printArg(a[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      f.clearFlags();
      f.buf += '%!(EXTRA ';
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) f.buf += ', ';
        const arg = a[k];
        if (arg === null) f.buf += '<nil>';
        else {
          f.buf += typeString(arg.t) + '=';
          yield* this.printArg(arg, 'v');
        }
      }
      f.buf += ')';
    }
  }
}

