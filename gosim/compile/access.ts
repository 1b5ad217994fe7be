// Reaching into values: selectors (fields through embedded structs and pointers, methods bound
// to their receiver, method expressions, package variables), `&x`, `*p`, indexing and slicing,
// with Go's nil-pointer and bounds panics.
import type * as ast from '../syntax/ast.ts';
import type { Type, Var } from '../types/types.ts';
import { Pointer as PointerType } from '../types/types.ts';
import type { Iface, SliceValue, Pointer } from '../runtime/values.ts';
import type { GoFunc } from '../runtime/native.ts';
import { under, isInterface } from '../types/predicates.ts';
import { typeString } from '../types/typestring.ts';
import { Box, ElemPtr, ValuePtr, MapValue, isAggregate, copyAgg, zeroFn, mapKeyFn, toNumber } from '../runtime/ops.ts';
import { boundsPanic, nilDeref } from '../runtime/rterror.ts';
import { CLOSURE, POINTER, heapCost } from '../runtime/memory.ts';
import { sy, type E } from './code.ts';
import type { Compiler } from './compiler.ts';
import { expr, exprTo, convertE, mapE, map2, seqE, funcValue, pkgShort } from './expr.ts';

// ------------------------------------------------------------------ selectors, fields, pointers

export function loadPtr(p: unknown): unknown {
  if (p === null) throw nilDeref();
  return (p as Pointer).load();
}

export function deref(c: Compiler, e: ast.StarExpr): E {
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

export function selector(c: Compiler, e: ast.SelectorExpr): E {
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
  if (sel.kind === 'method') {
    // A method value (not a call): a closure holding its receiver, counted like a function literal.
    const S = c.S;
    return mapE(methodValue(c, e), (f) => { S.alloc(CLOSURE); return f; });
  }
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

/**
 * The box holding a library package variable (io.EOF, os.Stdout, ...) for this run. It lives in
 * the Program, not in a module-level cache: the checked library objects are shared by every
 * run(), so a cache keyed by them would let one program's assignment leak into the next.
 */
export function pkgVarBox(c: Compiler, v: Var): Box {
  let b = c.prog.pkgVars.get(v);
  if (!b) {
    const key = `${pkgShort(v.pkg ?? '')}.${v.name}`;
    const nat = c.prog.native(key);
    const init = (): unknown => (typeof nat === 'function' ? (nat as (ctx: unknown) => unknown)(c.prog.ctx) : (nat ?? null));
    b = new Box(init());
    c.prog.pkgVars.set(v, b);
    c.prog.pkgVarInits.set(b, init);
  }
  return b;
}

function pkgVar(c: Compiler, v: Var): E {
  const box = pkgVarBox(c, v);
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
    const pkg = sel.method !== null ? sel.method.pkg : null;
    return mapE(src, (v) => {
      if (v === null) throw nilDeref();
      const x = v as Iface;
      const get = prog.methodGetter(x.t, name, pkg);
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
      const S = c.S;
      return sy((fr) => { S.alloc(POINTER); const b = new Box(fr.s[slot]); fr.s[slot] = b; return b; });
    }
    case 'CompositeLit': {
      // &T{...}: a new variable on the heap, counted against the memory budget.
      const v = expr(c, x);
      const S = c.S, bytes = heapCost(t);
      return mapE(v, (val) => { S.alloc(bytes); return agg ? new ValuePtr(val as unknown[]) : new Box(val); });
    }
    case 'SelectorExpr': {
      const sel = c.info.selections.get(x.id);
      if (!sel || sel.kind !== 'field') {
        const o = c.obj(x.sel);
        if (o && o.tag === 'Var') {
          // The variable's own box, so that stores through the pointer reach it.
          const box = pkgVarBox(c, o);
          return agg ? sy(() => new ValuePtr(box.v as unknown[])) : sy(() => box);
        }
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

export function index(c: Compiler, e: ast.IndexExpr): E {
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

export function sliceExpr(c: Compiler, e: ast.SliceExpr): E {
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

