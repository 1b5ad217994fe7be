// Expressions: each compiles to a plain closure when it cannot block or call Go code, and to a
// generator closure otherwise (see code.ts).
import type * as ast from '../ast.ts';
import type { Type, Func, Var } from '../types/types.ts';
import { Signature, Pointer as PointerType, Basic } from '../types/types.ts';
import type { Iface, SliceValue, Pointer } from '../values.ts';
import type { GoFunc } from '../lib/native.ts';
import type { Frame } from '../runtime/scheduler.ts';
import { under, identical, missingMethod, isInterface } from '../types/predicates.ts';
import { typeString } from '../types/typestring.ts';
import { isAny } from '../types/universe.ts';
import {
  Box, ElemPtr, ValuePtr, MapValue, isAggregate, copyAgg, zeroFn, equalFn, mapKeyFn, intKind, intBinary,
  intShift, intNeg, intNot, wrapAny, floatToInt, toNumber, runeToString, stringToBytes, bytesToString,
  stringToRunes, runesToString, nilMapWrite, type IntKind,
} from '../runtime/ops.ts';
import { boundsPanic, nilDeref, typeAssertPanic, runtimeErrorPanic } from '../runtime/rterror.ts';
import { GoPanic } from '../runtime/panic.ts';
import { Channel, chanRecv } from '../runtime/chan.ts';
import { sy, gn, type E, type Gen } from './code.ts';
import type { Compiler } from './compiler.ts';
import { compileBlock } from './stmt.ts';
import { compileCall } from './call.ts';

export function expr(c: Compiler, e: ast.Expr): E {
  const tv = c.info.types.get(e.id);
  if (tv && tv.value !== undefined) {
    const v = c.constValue(tv.value, tv.type);
    return sy(() => v);
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
    if (isAggregate(t)) return (v) => ({ t, v: copyAgg(v as unknown[]) });
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
  const nat = c.prog.native(key);
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
    return sy(() => c.makeFunc(sh, null));
  }
  void S;
  return sy((fr) => {
    const boxes = new Array<unknown>(capSlots.length);
    for (let i = 0; i < capSlots.length; i++) boxes[i] = fr.s[capSlots[i]!];
    return c.makeFunc(sh, boxes);
  });
}

// ------------------------------------------------------------------ composite literals

export function composite(c: Compiler, e: ast.CompositeLit, t: Type): E {
  const u = under(t);
  if (u.tag === 'Pointer') {
    // An elided `&T{...}` inside an outer literal.
    const inner = composite(c, e, u.elem);
    return mapE(inner, (v) => (isAggregate(u.elem) ? new ValuePtr(v as unknown[]) : new Box(v)));
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
      const build = (vals: unknown[]) => {
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
      return seqE(all, (vals) => {
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
  if (xs !== null && ys !== null) return sy((fr) => f(xs(fr), ys(fr)));
  const xg = x.g, yg = y.g;
  return gn(function* (fr) { const a = yield* xg(fr); const b = yield* yg(fr); return f(a, b); });
}

// ------------------------------------------------------------------ selectors, fields, pointers

export function loadPtr(p: unknown): unknown {
  if (p === null) throw nilDeref();
  return (p as Pointer).load();
}

function deref(c: Compiler, e: ast.StarExpr): E {
  return mapE(expr(c, e.x), loadPtr);
}

/** Walk a field path through embedded fields (following embedded pointers). */
function fieldPath(c: Compiler, xT: Type, path: number[]): { steps: { i: number; ptrAfter: boolean }[]; startPtr: boolean } {
  let t: Type = xT;
  let startPtr = false;
  if (under(t).tag === 'Pointer') { startPtr = true; t = (under(t) as PointerType).elem; }
  const steps: { i: number; ptrAfter: boolean }[] = [];
  for (const i of path) {
    const st = under(t);
    if (st.tag !== 'Struct') throw new Error('gosim: field path through non-struct');
    const f = st.fields[i]!;
    const fp = under(f.type).tag === 'Pointer' && f.embedded && i !== path[path.length - 1];
    steps.push({ i, ptrAfter: fp });
    t = fp ? (under(f.type) as PointerType).elem : f.type;
  }
  void c;
  return { steps, startPtr };
}

function selector(c: Compiler, e: ast.SelectorExpr): E {
  const sel = c.info.selections.get(e.id);
  if (!sel) {
    // A package member: var, func or const (consts were handled by the constant check).
    const o = c.obj(e.sel);
    if (!o) throw new Error(`gosim: unresolved ${e.sel.name}`);
    if (o.tag === 'Func') return funcValue(c, o);
    if (o.tag === 'Var') return pkgVar(c, o);
    throw new Error(`gosim: unsupported package member ${e.sel.name}`);
  }
  if (sel.kind === 'field') {
    const base = fieldBase(c, e.x, sel.path.slice(0, -1));
    const last = sel.path[sel.path.length - 1]!;
    return mapE(base, (s) => (s as unknown[])[last]);
  }
  if (sel.kind === 'method') return methodValue(c, e);
  return methodExpr(c, e);
}

/** `T.M` / `(*T).M`: a function taking the receiver as its first argument. */
function methodExpr(c: Compiler, e: ast.SelectorExpr): E {
  const sel = c.info.selections.get(e.id)!;
  const T = c.typeOfTypeExpr(e.x);
  const prog = c.prog;
  const name = e.sel.name;
  if (isInterface(T)) {
    const f: GoFunc = function* (recv: unknown, ...args: unknown[]) {
      if (recv === null) throw nilDeref();
      return yield* prog.method(recv as Iface, name)!(...args);
    };
    return sy(() => f);
  }
  void sel;
  const f: GoFunc = function* (recv: unknown, ...args: unknown[]) {
    const get = prog.methodGetter(T, name);
    if (!get) throw new Error(`gosim: no method ${name}`);
    return yield* get(recv)(...args);
  };
  return sy(() => f);
}

const pkgVarCache = new WeakMap<Var, Box>();
function pkgVar(c: Compiler, v: Var): E {
  let b = pkgVarCache.get(v);
  if (!b) {
    const key = `${pkgShort(v.pkg ?? '')}.${v.name}`;
    const nat = c.prog.native(key);
    const val = typeof nat === 'function' ? (nat as (ctx: unknown) => unknown)(c.prog.ctx) : (nat ?? null);
    b = new Box(val);
    pkgVarCache.set(v, b);
  }
  const box = b;
  return sy(() => box.v);
}

/**
 * The struct value (JS array) reached from x by walking `path` (all but the final field),
 * dereferencing pointers on the way; panics on nil.
 */
export function fieldBase(c: Compiler, x: ast.Expr, path: number[]): E {
  const { steps, startPtr } = fieldPath(c, c.typeOf(x), path);
  const xe = expr(c, x);
  return mapE(xe, (v) => {
    let s = startPtr ? loadPtr(v) : v;
    for (const st of steps) {
      s = (s as unknown[])[st.i];
      if (st.ptrAfter) s = loadPtr(s);
    }
    if (s === null || s === undefined) throw nilDeref();
    return s;
  });
}

/** `x.M` as a value (or the callee of `x.M(...)`): a GoFunc with the receiver bound. */
export function methodValue(c: Compiler, e: ast.SelectorExpr): E {
  const sel = c.info.selections.get(e.id)!;
  const xT = c.typeOf(e.x);
  const name = e.sel.name;
  const promotedFromIface = sel.method !== null && (sel.method.type.recv === null || isInterface(sel.method.type.recv.type)) && !isInterface(xT);
  if (isInterface(xT) || promotedFromIface) {
    const prog = c.prog;
    const holder = promotedFromIface ? fieldBase(c, e.x, sel.path.slice(0, -1)) : null;
    const last = sel.path[sel.path.length - 1]!;
    const src = holder ? mapE(holder, (s) => (s as unknown[])[last]) : expr(c, e.x);
    return mapE(src, (v) => {
      if (v === null) throw nilDeref();
      const x = v as Iface;
      const get = prog.methodGetter(x.t, name);
      if (!get) throw new Error(`gosim: ${typeString(x.t)} has no method ${name}`);
      return get(x.v);
    });
  }
  const m = sel.method!;
  const recvT = m.type.recv!.type;
  const wantPtr = under(recvT).tag === 'Pointer' && !isInterface(recvT);
  const recv = receiver(c, e.x, sel.path, wantPtr);
  const prog = c.prog;
  let fn: GoFunc | null = null;
  return mapE(recv, (r) => {
    if (fn === null) {
      fn = prog.methodFunc(m);
      if (!fn) throw new Error(`gosim: method ${m.fullName || m.name} is not implemented`);
    }
    const f = fn;
    return function (...args: unknown[]) { return f(r, ...args); };
  });
}

/** The receiver value for a method reached through `path` from x: a Pointer if wantPtr. */
export function receiver(c: Compiler, x: ast.Expr, path: number[], wantPtr: boolean): E {
  const xT = c.typeOf(x);
  const xIsPtr = under(xT).tag === 'Pointer';
  if (path.length === 0) {
    if (wantPtr) return xIsPtr ? expr(c, x) : addressOf(c, x);
    if (xIsPtr) return mapE(expr(c, x), (p) => { const v = loadPtr(p); return Array.isArray(v) ? copyAgg(v) : v; });
    return convertE(expr(c, x), xT, xT);
  }
  // Embedded: walk to the struct holding the embedded field, then take the field (or its address).
  const base = fieldBase(c, x, path.slice(0, -1));
  const last = path[path.length - 1]!;
  let t: Type = xIsPtr ? (under(xT) as PointerType).elem : xT;
  for (const i of path) {
    const st = under(t) as import('../types/types.ts').Struct;
    t = st.fields[i]!.type;
    if (i !== last && under(t).tag === 'Pointer') t = (under(t) as PointerType).elem;
  }
  const fieldIsPtr = under(t).tag === 'Pointer';
  return mapE(base, (s) => {
    const arr = s as unknown[];
    const fv = arr[last];
    if (fieldIsPtr) {
      if (wantPtr) return fv;
      const v = loadPtr(fv);
      return Array.isArray(v) ? copyAgg(v) : v;
    }
    if (wantPtr) return Array.isArray(fv) ? new ValuePtr(fv) : new ElemPtr(arr, last);
    return Array.isArray(fv) ? copyAgg(fv) : fv;
  });
}

/** `&x` for an addressable expression. */
export function addressOf(c: Compiler, x: ast.Expr): E {
  while (x.kind === 'ParenExpr') x = x.x;
  const t = c.typeOf(x);
  const agg = isAggregate(t);
  switch (x.kind) {
    case 'Ident': {
      const o = c.obj(x);
      if (!o || o.tag !== 'Var') break;
      const gb = c.globals.get(o);
      if (gb) return agg ? sy(() => new ValuePtr(gb.v as unknown[])) : sy(() => gb);
      const slot = c.slotOf(o);
      if (agg) return sy((fr) => new ValuePtr(fr.s[slot] as unknown[]));
      if (c.isBoxed(o)) return sy((fr) => fr.s[slot]);
      // Not found by escape analysis (e.g. an implicit &x): box it now.
      return sy((fr) => { const b = new Box(fr.s[slot]); fr.s[slot] = b; return b; });
    }
    case 'CompositeLit': {
      const v = expr(c, x);
      return mapE(v, (val) => (agg ? new ValuePtr(val as unknown[]) : new Box(val)));
    }
    case 'SelectorExpr': {
      const sel = c.info.selections.get(x.id);
      if (!sel || sel.kind !== 'field') {
        const o = c.obj(x.sel);
        if (o && o.tag === 'Var') { const pv = pkgVar(c, o); return mapE(pv, (v) => new Box(v)); }
        break;
      }
      const base = fieldBase(c, x.x, sel.path.slice(0, -1));
      const last = sel.path[sel.path.length - 1]!;
      return mapE(base, (s) => {
        const arr = s as unknown[];
        return agg ? new ValuePtr(arr[last] as unknown[]) : new ElemPtr(arr, last);
      });
    }
    case 'IndexExpr': {
      const xt = under(c.typeOf(x.x));
      const ix = expr(c, x.index);
      if (xt.tag === 'Slice') {
        return map2(expr(c, x.x), ix, (s, i) => {
          const sv = s as SliceValue | null;
          const n = toNumber(i);
          if (sv === null || n < 0 || n >= sv.len) throw boundsPanic(`index out of range [${String(i)}] with length ${sv ? sv.len : 0}`);
          const el = sv.arr[sv.off + n];
          return agg ? new ValuePtr(el as unknown[]) : new ElemPtr(sv.arr, sv.off + n);
        });
      }
      const arrE = xt.tag === 'Pointer' ? mapE(expr(c, x.x), loadPtr) : addressOfArray(c, x.x);
      return map2(arrE, ix, (a, i) => {
        const arr = a as unknown[];
        const n = toNumber(i);
        if (n < 0 || n >= arr.length) throw boundsPanic(`index out of range [${String(i)}] with length ${arr.length}`);
        return agg ? new ValuePtr(arr[n] as unknown[]) : new ElemPtr(arr, n);
      });
    }
    case 'StarExpr': return mapE(expr(c, x.x), (p) => { if (p === null) throw nilDeref(); return p; });
    default: break;
  }
  throw new Error(`gosim: cannot take the address of ${x.kind}`);
}

function addressOfArray(c: Compiler, x: ast.Expr): E {
  // An array variable's value is its storage, so the value itself can be indexed in place.
  return expr(c, x);
}

// ------------------------------------------------------------------ index and slice

export function boundsCheck(i: unknown, n: number): number {
  const k = typeof i === 'number' ? i : Number(i);
  if (k < 0 || k >= n || k !== k) throw boundsPanic(`index out of range [${String(i)}] with length ${n}`);
  return k;
}

function index(c: Compiler, e: ast.IndexExpr): E {
  const xT = c.typeOf(e.x);
  const u = under(xT);
  const x = expr(c, e.x);
  switch (u.tag) {
    case 'Slice':
      return map2(x, expr(c, e.index), (s, i) => {
        const sv = s as SliceValue | null;
        if (sv === null) throw boundsPanic(`index out of range [${String(i)}] with length 0`);
        return sv.arr[sv.off + boundsCheck(i, sv.len)];
      });
    case 'Array':
      return map2(x, expr(c, e.index), (a, i) => (a as unknown[])[boundsCheck(i, (a as unknown[]).length)]);
    case 'Pointer':
      return map2(x, expr(c, e.index), (p, i) => { const a = loadPtr(p) as unknown[]; return a[boundsCheck(i, a.length)]; });
    case 'Basic':
      return map2(x, expr(c, e.index), (s, i) => (s as string).charCodeAt(boundsCheck(i, (s as string).length)));
    case 'Map': {
      const kf = mapKeyFn(u.key);
      const z = zeroFn(u.elem);
      return map2(x, exprTo(c, e.index, u.key), (m, k) => {
        const key = kf(k);
        if (m === null) return z();
        const ent = (m as MapValue).get(key);
        return ent === undefined ? z() : ent[1];
      });
    }
    default: throw new Error(`gosim: cannot index ${typeString(xT)}`);
  }
}

/** `v, ok := m[k]`. */
export function mapIndexOk(c: Compiler, e: ast.IndexExpr): E {
  const u = under(c.typeOf(e.x)) as import('../types/types.ts').GoMap;
  const kf = mapKeyFn(u.key);
  const z = zeroFn(u.elem);
  return map2(expr(c, e.x), exprTo(c, e.index, u.key), (m, k) => {
    if (m === null) return [z(), false];
    const ent = (m as MapValue).get(kf(k));
    return ent === undefined ? [z(), false] : [ent[1], true];
  });
}

function sliceExpr(c: Compiler, e: ast.SliceExpr): E {
  const xT = c.typeOf(e.x);
  const u = under(xT);
  const parts: E[] = [expr(c, e.x)];
  const lo = e.low ? expr(c, e.low) : null;
  const hi = e.high ? expr(c, e.high) : null;
  const mx = e.max ? expr(c, e.max) : null;
  for (const p of [lo, hi, mx]) if (p) parts.push(p);
  const isString = u.tag === 'Basic';
  const kind = u.tag === 'Pointer' ? 'ptrarray' : u.tag === 'Array' ? 'array' : isString ? 'string' : 'slice';
  return seqE(parts, (vals) => {
    let k = 1;
    const l = lo ? toNumber(vals[k++]) : 0;
    const hRaw = hi ? toNumber(vals[k++]) : -1;
    const mRaw = mx ? toNumber(vals[k++]) : -1;
    const base = vals[0];
    if (kind === 'string') {
      const s = base as string;
      const h = hRaw < 0 && !hi ? s.length : hRaw;
      if (h < 0 || h > s.length) throw boundsPanic(`slice bounds out of range [:${h}] with length ${s.length}`);
      if (l < 0 || l > h) throw boundsPanic(`slice bounds out of range [${l}:${h}]`);
      return s.slice(l, h);
    }
    let arr: unknown[], off: number, len: number, cap: number;
    if (kind === 'slice') {
      const sv = base as SliceValue | null;
      if (sv === null) { arr = []; off = 0; len = 0; cap = 0; }
      else { arr = sv.arr; off = sv.off; len = sv.len; cap = sv.cap; }
    } else {
      const a = (kind === 'ptrarray' ? loadPtr(base) : base) as unknown[];
      arr = a; off = 0; len = a.length; cap = a.length;
    }
    const m = mx ? mRaw : cap;
    const h = hi ? hRaw : len;
    if (mx && (m < 0 || m > cap)) throw boundsPanic(`slice bounds out of range [::${m}] with capacity ${cap}`);
    if (h < 0 || h > m) {
      if (mx) throw boundsPanic(`slice bounds out of range [:${h}:${m}]`);
      throw boundsPanic(kind === 'slice' ? `slice bounds out of range [:${h}] with capacity ${cap}` : `slice bounds out of range [:${h}] with length ${cap}`);
    }
    if (l < 0 || l > h) throw boundsPanic(mx ? `slice bounds out of range [${l}:${h}:]` : `slice bounds out of range [${l}:${h}]`);
    return { arr, off: off + l, len: h - l, cap: m - l } as SliceValue;
  });
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
  switch (e.op) {
    case '<': return map2(x, y, (a, b) => (a as number) < (b as number));
    case '<=': return map2(x, y, (a, b) => (a as number) <= (b as number));
    case '>': return map2(x, y, (a, b) => (a as number) > (b as number));
    case '>=': return map2(x, y, (a, b) => (a as number) >= (b as number));
    default: break;
  }
  const ik = intKind(k as import('../types/types.ts').BasicKind);
  if (ik) return map2(x, y, intBinary(e.op, ik));
  if (k === 'string' || k === 'untyped string') return map2(x, y, (a, b) => (a as string) + (b as string));
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
    const ek = basicKind(fu.elem);
    return mapE(x, ek === 'int32' ? (v) => runesToString(v as SliceValue | null) : (v) => bytesToString(v as SliceValue | null));
  }
  if (tu.tag === 'Slice' && fu.tag === 'Basic') {
    const ek = basicKind(tu.elem);
    return mapE(x, ek === 'int32' ? (v) => stringToRunes(v as string) : (v) => stringToBytes(v as string));
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
