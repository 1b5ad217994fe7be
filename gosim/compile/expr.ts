// Expressions: each compiles to a plain closure when it cannot block or call Go code, and to a
// generator closure otherwise (see code.ts).
import type * as ast from '../syntax/ast.ts';
import type { Type, Func, Var } from '../types/types.ts';
import { Signature, Pointer as PointerType, Basic } from '../types/types.ts';
import type { Iface, SliceValue } from '../runtime/values.ts';
import type { Frame } from '../runtime/goroutine.ts';
import { under, identical, missingMethod, isInterface } from '../types/predicates.ts';
import { typeString } from '../types/typestring.ts';
import { isAny } from '../types/universe.ts';
import {
  Box, ValuePtr, MapValue, isAggregate, copyAgg, zeroFn, equalFn, mapKeyFn, intKind, intBinary,
  intShift, intNeg, intNot, wrapAny, floatToInt, toNumber, runeToString, stringToBytes, bytesToString,
  stringToRunes, runesToString, nilMapWrite, type IntKind,
} from '../runtime/ops.ts';
import { typeAssertPanic, runtimeErrorPanic } from '../runtime/rterror.ts';
import { GoPanic } from '../runtime/panic.ts';
import { Channel, chanRecv } from '../runtime/chan.ts';
import { sy, gn, constE, type E, type Gen } from './code.ts';
import type { Compiler } from './compiler.ts';
import { compileBlock } from './stmt.ts';
import { compileCall } from './call.ts';
import { BIG_VALUE, CLOSURE, IFACE, MAP, SLOT, STRING, alloc, arrayCost, entryCost, heapCost, valueCost } from '../runtime/memory.ts';
import { deref, selector, index, sliceExpr, loadPtr, fieldBase, methodValue, receiver, addressOf, boundsCheck, mapIndexOk } from './access.ts';

export { loadPtr, fieldBase, methodValue, receiver, addressOf, boundsCheck, mapIndexOk };

export function expr(c: Compiler, e: ast.Expr): E {
  const tv = c.info.types.get(e.id);
  if (tv && tv.value !== undefined) {
    return constE(c.constValue(tv.value, tv.type));
  }
  switch (e.kind) {
    case 'ParenExpr': return expr(c, e.x);
    case 'Ident': return ident(c, e);
    case 'BasicLit': throw new Error('gosim: literal without constant value');
    case 'FuncLit': return funcLit(c, e);
    case 'CompositeLit': return composite(c, e, c.typeOf(e));
    case 'SelectorExpr': return selector(c, e);
    case 'IndexExpr': return index(c, e);
    case 'SliceExpr': return sliceExpr(c, e);
    case 'TypeAssertExpr': return typeAssert(c, e, false);
    case 'CallExpr': return compileCall(c, e);
    case 'StarExpr': return deref(c, e);
    case 'UnaryExpr': return unary(c, e);
    case 'BinaryExpr': return binary(c, e);
    default: throw new Error(`gosim: unsupported expression ${e.kind} at ${e.pos.line}`);
  }
}

/** An expression converted to type `to` (wrapping into an interface, copying aggregates). */
export function exprTo(c: Compiler, e: ast.Expr, to: Type): E {
  const x = expr(c, e);
  return convertE(x, c.typeOf(e), to);
}

export function convertE(x: E, from: Type, to: Type): E {
  const f = convertFn(from, to);
  if (f === null) return x;
  const xs = x.s;
  if (xs !== null) return sy((fr) => f(xs(fr)));
  const xg = x.g;
  return gn(function* (fr) { return f(yield* xg(fr)); });
}

/** The implicit conversion for assignment of a `from` value to a `to` location, or null. */
export function convertFn(from: Type, to: Type): ((v: unknown) => unknown) | null {
  if (isInterface(to) && !isInterface(from)) {
    if (from.tag === 'Basic' && from.kind === 'untyped nil') return () => null;
    const t = from;
    if (isAggregate(t)) {
      // A copy of a struct or array that lives on behind the interface (Go's convT): counted,
      // as it can chain values without any other allocation (`x = T{x}` with an `any` field).
      const bytes = IFACE + valueCost(t) - SLOT;
      return (v) => { alloc(bytes); return { t, v: copyAgg(v as unknown[]) }; };
    }
    return (v) => ({ t, v });
  }
  if (isAggregate(to)) return (v) => copyAgg(v as unknown[]);
  return null;
}

function ident(c: Compiler, e: ast.Ident): E {
  const o = c.obj(e);
  if (!o) throw new Error(`gosim: unresolved ${e.name}`);
  switch (o.tag) {
    case 'Var': return c.loadVar(o);
    case 'Nil': return sy(() => null);
    case 'Func': return funcValue(c, o);
    case 'Const': { const v = c.constValue(o.value, o.type); return sy(() => v); }
    default: throw new Error(`gosim: ${e.name} is not a value`);
  }
}

export function funcValue(c: Compiler, f: Func): E {
  if (f.pkg === 'main') {
    const h = c.funcHolder(f);
    return sy(() => h.fn);
  }
  const key = `${pkgShort(f.pkg ?? '')}.${f.name}`;
  const nat = c.prog.callable(key);
  if (!nat) throw new Error(`gosim: ${key} is not implemented`);
  const fn = c.prog.bindNative(nat, key);
  return sy(() => fn);
}

export function pkgShort(p: string): string { return p.slice(p.lastIndexOf('/') + 1); }

function funcLit(c: Compiler, e: ast.FuncLit): E {
  const caps = c.esc.freeVars.get(e.id) ?? [];
  const parent = c.fn;
  const name = /\.func\d+(\.\d+)*$/.test(parent.name)
    ? `${parent.name}.${++parent.closures}`
    : `${parent.name}.func${++parent.closures}`;
  const capSlots = caps.map((v) => c.slotOf(v));
  const sh = c.compileBody(name, null, e.type, e.body, caps, (b) => compileBlock(c, b));
  const S = c.S;
  if (capSlots.length === 0) {
    return sy(() => { S.alloc(CLOSURE); return c.makeFunc(sh, null); });
  }
  const bytes = CLOSURE + arrayCost(capSlots.length, SLOT);
  return sy((fr) => {
    S.alloc(bytes);
    const boxes = new Array<unknown>(capSlots.length);
    for (let i = 0; i < capSlots.length; i++) boxes[i] = fr.s[capSlots[i]!];
    return c.makeFunc(sh, boxes);
  });
}

// ------------------------------------------------------------------ composite literals

export function composite(c: Compiler, e: ast.CompositeLit, t: Type): E {
  const u = under(t);
  const S = c.S;
  if (u.tag === 'Pointer') {
    // An elided `&T{...}` inside an outer literal.
    const inner = composite(c, e, u.elem);
    const bytes = heapCost(u.elem);
    return mapE(inner, (v) => { S.alloc(bytes); return isAggregate(u.elem) ? new ValuePtr(v as unknown[]) : new Box(v); });
  }
  switch (u.tag) {
    case 'Struct': {
      const zeros = u.fields.map((f) => zeroFn(f.type));
      const parts: { i: number; x: E }[] = [];
      e.elts.forEach((el, k) => {
        if (el.kind === 'KeyValueExpr') {
          const name = (el.key as ast.Ident).name;
          const i = u.fields.findIndex((f) => f.name === name);
          parts.push({ i, x: elemValue(c, el.value, u.fields[i]!.type) });
        } else parts.push({ i: k, x: elemValue(c, el, u.fields[k]!.type) });
      });
      const n = zeros.length;
      if (parts.every((p) => p.x.s !== null)) {
        return sy((fr) => {
          const v = new Array<unknown>(n);
          for (let i = 0; i < n; i++) v[i] = zeros[i]!();
          for (const p of parts) v[p.i] = p.x.s!(fr);
          return v;
        });
      }
      return gn(function* (fr) {
        const v = new Array<unknown>(n);
        for (let i = 0; i < n; i++) v[i] = zeros[i]!();
        for (const p of parts) v[p.i] = yield* p.x.g(fr);
        return v;
      });
    }
    case 'Array': case 'Slice': {
      const elem = u.elem;
      const z = zeroFn(elem);
      const parts: { i: number; x: E }[] = [];
      let idx = 0, max = 0;
      for (const el of e.elts) {
        let ve = el;
        if (el.kind === 'KeyValueExpr') {
          const ktv = c.info.types.get(el.key.id);
          idx = ktv?.value?.kind === 'int' ? Number(ktv.value.value) : idx;
          ve = el.value;
        }
        parts.push({ i: idx, x: elemValue(c, ve, elem) });
        idx++;
        if (idx > max) max = idx;
      }
      const n = u.tag === 'Array' ? u.len : max;
      const isSlice = u.tag === 'Slice';
      // A slice's array is counted; an array value lives in a variable, but must fit.
      const bytes = arrayCost(n, valueCost(elem));
      const build = (vals: unknown[]) => {
        if (isSlice) S.alloc(bytes);
        else if (bytes > BIG_VALUE) S.fits(bytes);
        const a = new Array<unknown>(n);
        for (let i = 0; i < n; i++) a[i] = z();
        for (let k = 0; k < parts.length; k++) a[parts[k]!.i] = vals[k];
        return isSlice ? ({ arr: a, off: 0, len: n, cap: n } as SliceValue) : a;
      };
      return seqE(parts.map((p) => p.x), build);
    }
    case 'Map': {
      const kf = mapKeyFn(u.key);
      const ks: E[] = [], vs: E[] = [];
      for (const el of e.elts) {
        const kv = el as ast.KeyValueExpr;
        ks.push(elemValue(c, kv.key, u.key));
        vs.push(elemValue(c, kv.value, u.elem));
      }
      const all = ks.flatMap((k, i) => [k, vs[i]!]);
      const bytes = MAP + ks.length * entryCost(u);
      return seqE(all, (vals) => {
        S.alloc(bytes);
        const m = new MapValue();
        for (let i = 0; i < vals.length; i += 2) m.set(kf(vals[i]), [vals[i], vals[i + 1]]);
        return m;
      });
    }
    default: throw new Error(`gosim: composite literal of ${typeString(t)}`);
  }
}

function elemValue(c: Compiler, el: ast.Expr, t: Type): E {
  if (el.kind === 'CompositeLit' && el.type === null) return composite(c, el, t);
  if (el.kind === 'UnaryExpr' && el.op === '&' && el.x.kind === 'CompositeLit' && el.x.type === null) {
    return composite(c, el.x, new PointerType((under(t) as PointerType).elem));
  }
  return exprTo(c, el, t);
}

/** Evaluate expressions in order, then combine their values. */
export function seqE(xs: E[], f: (vals: unknown[]) => unknown): E {
  if (xs.every((x) => x.s !== null)) {
    const ss = xs.map((x) => x.s!);
    return sy((fr) => { const vals = new Array<unknown>(ss.length); for (let i = 0; i < ss.length; i++) vals[i] = ss[i]!(fr); return f(vals); });
  }
  return gn(function* (fr) {
    const vals = new Array<unknown>(xs.length);
    for (let i = 0; i < xs.length; i++) vals[i] = yield* xs[i]!.g(fr);
    return f(vals);
  });
}

export function mapE(x: E, f: (v: unknown) => unknown): E {
  const xs = x.s;
  if (xs !== null) return sy((fr) => f(xs(fr)));
  const xg = x.g;
  return gn(function* (fr) { return f(yield* xg(fr)); });
}

export function map2(x: E, y: E, f: (a: unknown, b: unknown) => unknown): E {
  const xs = x.s, ys = y.s;
  if (xs !== null && ys !== null) {
    // The common operands read in place: `i < n`, `j % 7`, `a + b` on locals and constants.
    const a = x.slot, b = y.slot;
    if (y.k !== undefined) {
      const yv = y.k.v;
      return a !== undefined ? sy((fr) => f(fr.s[a], yv)) : sy((fr) => f(xs(fr), yv));
    }
    if (a !== undefined && b !== undefined) return sy((fr) => f(fr.s[a], fr.s[b]));
    if (x.k !== undefined) {
      const xv = x.k.v;
      return b !== undefined ? sy((fr) => f(xv, fr.s[b])) : sy((fr) => f(xv, ys(fr)));
    }
    return sy((fr) => f(xs(fr), ys(fr)));
  }
  const xg = x.g, yg = y.g;
  return gn(function* (fr) { const a = yield* xg(fr); const b = yield* yg(fr); return f(a, b); });
}

// ------------------------------------------------------------------ type assertions

function ifaceName(t: Type): string {
  if (isAny(t) || (under(t).tag === 'Interface' && t.tag !== 'Named' && (under(t) as import('../types/types.ts').Interface).allMethods.length === 0)) return 'interface {}';
  return typeString(t);
}

/** Whether a value of dynamic type dyn satisfies T (a concrete type or an interface). */
export function typeMatches(dyn: Type, T: Type): boolean {
  if (isInterface(T)) return missingMethod(dyn, under(T) as import('../types/types.ts').Interface) === null;
  return dyn === T || identical(dyn, T);
}

export function typeAssert(c: Compiler, e: ast.TypeAssertExpr, commaOk: boolean): E {
  const T = c.typeOf(e);
  const staticT = c.typeOf(e.x);
  const tIsIface = isInterface(T);
  const z = zeroFn(T);
  const cache = new Map<Type, boolean>();
  const matches = (dyn: Type) => {
    let r = cache.get(dyn);
    if (r === undefined) { r = typeMatches(dyn, T); cache.set(dyn, r); }
    return r;
  };
  return mapE(expr(c, e.x), (v) => {
    const x = v as Iface | null;
    if (x !== null && matches(x.t)) {
      const out = tIsIface ? x : x.v;
      return commaOk ? [out, true] : out;
    }
    if (commaOk) return [z(), false];
    if (x === null) throw typeAssertPanic(`${ifaceName(staticT)} is nil, not ${tIsIface ? ifaceName(T) : typeString(T)}`);
    if (tIsIface) {
      const mm = missingMethod(x.t, under(T) as import('../types/types.ts').Interface);
      throw typeAssertPanic(`${typeString(x.t)} is not ${typeString(T)}: missing method ${mm ? mm.method.name : '?'}`);
    }
    throw typeAssertPanic(`${ifaceName(staticT)} is ${typeString(x.t)}, not ${typeString(T)}`);
  });
}

// ------------------------------------------------------------------ unary and binary operators

function basicKind(t: Type): string {
  const u = under(t);
  return u.tag === 'Basic' ? u.kind : u.tag;
}

function unary(c: Compiler, e: ast.UnaryExpr): E {
  const t = c.typeOf(e);
  switch (e.op) {
    case '&': return addressOf(c, e.x);
    case '<-': {
      const x = expr(c, e.x);
      const S = c.S;
      if (x.s !== null) {
        const xs = x.s;
        return gn(function* (fr) {
          const ch = xs(fr) as Channel | null;
          if (ch === null) return yield* chanRecv(S, ch);
          if (ch.tryRecv()) return ch.got;
          return yield* ch.recvWait();
        });
      }
      const xg = x.g;
      return gn(function* (fr) { return yield* chanRecv(S, (yield* xg(fr)) as Channel | null); });
    }
    case '+': return expr(c, e.x);
    case '!': return mapE(expr(c, e.x), (v) => !v);
    case '-': {
      const k = basicKind(t);
      const ik = intKind(k as import('../types/types.ts').BasicKind);
      if (ik) return mapE(expr(c, e.x), intNeg(ik));
      if (k === 'complex64' || k === 'complex128') return mapE(expr(c, e.x), (v) => ({ re: -(v as { re: number }).re, im: -(v as { im: number }).im }));
      return mapE(expr(c, e.x), (v) => -(v as number));
    }
    case '^': {
      const ik = intKind(basicKind(t) as import('../types/types.ts').BasicKind)!;
      return mapE(expr(c, e.x), intNot(ik));
    }
    default: throw new Error(`gosim: unary ${e.op}`);
  }
}

/** `i < n` with i a local's slot and n a constant (a loop's condition): one closure in all. */
function slotConstCompare(op: string, x: E, y: E): E | null {
  const a = x.slot;
  if (a === undefined || y.k === undefined) return null;
  const b = y.k.v as number;
  switch (op) {
    case '<': return sy((fr) => (fr.s[a] as number) < b);
    case '<=': return sy((fr) => (fr.s[a] as number) <= b);
    case '>': return sy((fr) => (fr.s[a] as number) > b);
    case '>=': return sy((fr) => (fr.s[a] as number) >= b);
    default: return null;
  }
}

function binary(c: Compiler, e: ast.BinaryExpr): E {
  if (e.op === '&&' || e.op === '||') {
    const x = expr(c, e.x), y = expr(c, e.y);
    const and = e.op === '&&';
    if (x.s && y.s) {
      const xs = x.s, ys = y.s;
      return and ? sy((fr) => xs(fr) && ys(fr)) : sy((fr) => xs(fr) || ys(fr));
    }
    const xg = x.g, yg = y.g;
    return gn(function* (fr) {
      const a = yield* xg(fr);
      if (and ? !a : a) return a;
      return yield* yg(fr);
    });
  }
  const xT = c.typeOf(e.x), yT = c.typeOf(e.y);
  switch (e.op) {
    case '==': case '!=': {
      // Compare in a common type: an interface side wins (the other is converted).
      let ct = xT;
      let xe = expr(c, e.x), ye = expr(c, e.y);
      if (isInterface(xT) && !isInterface(yT)) { ye = convertE(ye, yT, xT); ct = xT; }
      else if (isInterface(yT) && !isInterface(xT)) { xe = convertE(xe, xT, yT); ct = yT; }
      else if (xT.tag === 'Basic' && xT.kind === 'untyped nil') ct = yT;
      const eq = equalFn(ct);
      return e.op === '==' ? map2(xe, ye, eq) : map2(xe, ye, (a, b) => !eq(a, b));
    }
    default: break;
  }
  const t = c.typeOf(e);
  const opT = ['<', '<=', '>', '>='].includes(e.op) ? xT : t;
  const k = basicKind(opT);
  const x = expr(c, e.x), y = expr(c, e.y);
  if (e.op === '<<' || e.op === '>>') {
    const ik = intKind(k as import('../types/types.ts').BasicKind)!;
    return map2(x, y, intShift(e.op, ik, true));
  }
  const cmp = slotConstCompare(e.op, x, y);
  if (cmp !== null) return cmp;
  switch (e.op) {
    case '<': return map2(x, y, (a, b) => (a as number) < (b as number));
    case '<=': return map2(x, y, (a, b) => (a as number) <= (b as number));
    case '>': return map2(x, y, (a, b) => (a as number) > (b as number));
    case '>=': return map2(x, y, (a, b) => (a as number) >= (b as number));
    default: break;
  }
  const ik = intKind(k as import('../types/types.ts').BasicKind);
  if (ik) return map2(x, y, intBinary(e.op, ik));
  if (k === 'string' || k === 'untyped string') { const S = c.S; return map2(x, y, (a, b) => S.concat(a as string, b as string)); }
  if (k === 'complex64' || k === 'complex128') return map2(x, y, complexOp(e.op));
  const f32 = k === 'float32';
  const fop = floatOp(e.op);
  return f32 ? map2(x, y, (a, b) => Math.fround(fop(a as number, b as number))) : map2(x, y, fop as (a: unknown, b: unknown) => unknown);
}

function floatOp(op: string): (a: number, b: number) => number {
  switch (op) {
    case '+': return (a, b) => a + b;
    case '-': return (a, b) => a - b;
    case '*': return (a, b) => a * b;
    case '/': return (a, b) => a / b;
    default: throw new Error(`gosim: float operator ${op}`);
  }
}

type C = { re: number; im: number };
function complexOp(op: string): (a: unknown, b: unknown) => unknown {
  switch (op) {
    case '+': return (a, b) => ({ re: (a as C).re + (b as C).re, im: (a as C).im + (b as C).im });
    case '-': return (a, b) => ({ re: (a as C).re - (b as C).re, im: (a as C).im - (b as C).im });
    case '*': return (a, b) => { const x = a as C, y = b as C; return { re: x.re * y.re - x.im * y.im, im: x.re * y.im + x.im * y.re }; };
    case '/': return (a, b) => { const x = a as C, y = b as C; const d = y.re * y.re + y.im * y.im; return { re: (x.re * y.re + x.im * y.im) / d, im: (x.im * y.re - x.re * y.im) / d }; };
    default: throw new Error(`gosim: complex operator ${op}`);
  }
}

// ------------------------------------------------------------------ conversions T(x)

export function conversion(c: Compiler, to: Type, arg: ast.Expr): E {
  const from = c.typeOf(arg);
  const x = expr(c, arg);
  const fu = under(from), tu = under(to);
  if (isInterface(to)) return convertE(x, from, to);
  if (tu.tag === 'Basic' && fu.tag === 'Basic') {
    const tk = tu.kind, fk = fu.kind;
    const tik = intKind(tk), fik = intKind(fk);
    if (tk === 'string') {
      if (fik) return mapE(x, runeToString);
      return x;
    }
    if (tik) {
      if (fik) return mapE(x, (v) => wrapAny(tik, v as number | bigint));
      if (fk === 'float32' || fk === 'float64' || fk === 'untyped float') return mapE(x, (v) => floatToInt(tik, v as number));
      return x;
    }
    if (tk === 'float64' || tk === 'float32') {
      const r = tk === 'float32' ? Math.fround : (n: number) => n;
      return mapE(x, (v) => r(toNumber(v)));
    }
    if (tk === 'complex128' || tk === 'complex64') return x;
    return x;
  }
  if (tu.tag === 'Basic' && tu.kind === 'string' && fu.tag === 'Slice') {
    // Each byte becomes one byte of the string (a rune up to four).
    const ek = basicKind(fu.elem);
    const S = c.S;
    return mapE(x, ek === 'int32'
      ? (v) => {
        // At most four bytes a rune, of a slice already counted at eight: made, then counted exactly.
        const r = runesToString(v as SliceValue | null);
        S.alloc(r.length + STRING);
        return r;
      }
      : (v) => { S.alloc((v === null ? 0 : (v as SliceValue).len) + STRING); return bytesToString(v as SliceValue | null); });
  }
  if (tu.tag === 'Slice' && fu.tag === 'Basic') {
    // One JS array slot per byte (or per rune, of which there are at most as many as bytes).
    const ek = basicKind(tu.elem);
    const S = c.S;
    return mapE(x, ek === 'int32'
      ? (v) => { S.alloc(arrayCost((v as string).length, SLOT)); return stringToRunes(v as string); }
      : (v) => { S.alloc(arrayCost((v as string).length, SLOT)); return stringToBytes(v as string); });
  }
  if (fu.tag === 'Slice' && (tu.tag === 'Array' || tu.tag === 'Pointer')) {
    const toArr = tu.tag === 'Array';
    const n = toArr ? tu.len : (under((tu as PointerType).elem) as import('../types/types.ts').GoArray).len;
    return mapE(x, (v) => {
      const sv = v as SliceValue | null;
      const len = sv ? sv.len : 0;
      if (len < n) throw runtimeErrorPanic(`cannot convert slice with length ${len} to array or pointer to array with length ${n}`);
      if (!toArr && sv === null) return null;
      const a = sv ? sv.arr.slice(sv.off, sv.off + n) : [];
      if (toArr) return copyAgg(a);
      // A pointer to an array shares the slice's elements only when it starts the backing array.
      return new ValuePtr(sv!.off === 0 && sv!.arr.length === n ? sv!.arr : a);
    });
  }
  if (isAggregate(to)) return mapE(x, (v) => copyAgg(v as unknown[]));
  return x;
}

export { GoPanic, runtimeErrorPanic, nilMapWrite, Signature, Basic };
export type { IntKind, Frame, Gen, Var };
