// Calls: Go functions and methods (static or through interfaces), library natives, builtins
// and conversions; and the prepared calls that `go` and `defer` evaluate up front.
import type * as ast from '../syntax/ast.ts';
import type { Type, Signature, Tuple } from '../types/types.ts';
import type { SliceValue, Iface } from '../runtime/values.ts';
import type { GoFunc } from '../runtime/native.ts';
import { under, isInterface } from '../types/predicates.ts';
import { Box, ValuePtr, MapValue, isAggregate, copyAgg, zeroFn, mapKeyFn, toNumber } from '../runtime/ops.ts';
import { MAP, arrayCost, heapCost, valueCost, entryCost, type Budget } from '../runtime/memory.ts';
import { Channel, chanClose } from '../runtime/chan.ts';
import { GoPanic, GoFatal } from '../runtime/panic.ts';
import { nilDeref, recoveredValue, runtimeErrorPanic } from '../runtime/rterror.ts';
import { sy, gn, type E, type Gen, type SyncE } from './code.ts';
import type { Compiler, FuncHolder } from './compiler.ts';
import { expr, exprTo, conversion, methodValue, seqE, mapE, convertFn, funcValue, receiver, pkgShort } from './expr.ts';
import { isGeneratorFn } from '../runtime/program.ts';
import { FOOTPRINT_CLOSE, FOOTPRINT_READ, OUTPUT } from '../runtime/footprint.ts';
import { CALL, PREEMPT, isJsStackOverflow } from '../runtime/calling.ts';
import type { Frame, StartedFunc } from '../runtime/goroutine.ts';
import { writePrint } from '../runtime/print.ts';

const MAX_ELEMS = 64_000_000;

/** A call prepared by `go`/`defer`: callee and arguments already evaluated. */
export type Thunk = () => Gen;

export function compileCall(c: Compiler, e: ast.CallExpr): E {
  const funTv = c.info.types.get(e.fun.id);
  if (funTv && funTv.mode === 'typexpr') return conversion(c, funTv.type, e.args[0]!);
  const fun = unparen(e.fun);
  if (fun.kind === 'Ident') {
    const o = c.obj(fun);
    if (o && o.tag === 'Builtin') return builtin(c, o.name, e);
  }
  const fast = directCall(c, e);
  if (fast) return fast;
  const p = prepare(c, e);
  const line = e.pos.line;
  const ps = p.s;
  if (ps !== null) {
    return gn(function* (fr) {
      const [f, args] = ps(fr) as [GoFunc | null, unknown[]];
      if (f === null) throw nilDeref();
      fr.line = line;
      CALL.fn = f; CALL.args = args;
      return yield CALL;
    });
  }
  const pg = p.g;
  return gn(function* (fr) {
    const [f, args] = (yield* pg(fr)) as [GoFunc | null, unknown[]];
    if (f === null) throw nilDeref();
    fr.line = line;
    CALL.fn = f; CALL.args = args;
    return yield CALL;
  });
}

/**
 * A call of a plain function (plain.ts). Inside another plain function it is a direct JS call.
 * Elsewhere it is tried as one too; if the JS stack runs out on the way (deep recursion: plain
 * calls nest JS frames), the call is redone from the start through the generator version, with
 * every call beneath it also taking the generator path. Nothing a plain call does is seen
 * outside it, so the abandoned attempt leaves no trace.
 */
function plainCall(c: Compiler, h: FuncHolder, syncs: SyncE[], line: number): E {
  const n = syncs.length;
  const a0 = syncs[0]!, a1 = syncs[1]!;
  const args = (fr: Frame): unknown[] => {
    const vals = new Array<unknown>(n);
    for (let i = 0; i < n; i++) vals[i] = syncs[i]!(fr);
    return vals;
  };
  if (c.inPlain) {
    if (n === 1) return sy((fr) => { const x = a0(fr); fr.line = line; return h.plain!(x); });
    if (n === 2) return sy((fr) => { const x = a0(fr), y = a1(fr); fr.line = line; return h.plain!(x, y); });
    return sy((fr) => { const vals = args(fr); fr.line = line; return h.plain!(...vals); });
  }
  const S = c.S;
  return gn(function* (fr) {
    const vals = args(fr);
    fr.line = line;
    const g = S.current;
    if (g.plainOff === 0) {
      const top = g.top, steps = S.steps;
      const mem = S.memInUse, stackLimit = g.stackLimit, stackBytes = g.stackBytes;
      try {
        const r = h.plain!(...vals);
        // The quantum may have run out inside: preempt here, where a generator can.
        if (S.steps >= S.preemptAt) yield PREEMPT;
        return r;
      } catch (e) {
        if (!isJsStackOverflow(e)) throw e;
        // Where the JS stack ran out depends on the engine's state, not the program: forget the
        // attempt's steps and memory too, so that steps, the preemptions they cause and the
        // memory count stay deterministic.
        g.top = top;
        S.steps = steps;
        S.memInUse = mem;
        g.stackLimit = stackLimit;
        g.stackBytes = stackBytes;
      }
    }
    // Through the generator version: inside a redone call, or redoing this one.
    const redo = g.plainOff === 0;
    if (redo) g.plainOff++;
    try {
      CALL.fn = h.fn; CALL.args = vals;
      return yield CALL;
    } finally {
      if (redo) g.plainOff--;
    }
  });
}

/**
 * Calls whose callee is known at compile time (a function of the program, a library function,
 * a method of a concrete type): no bound closure, no [f, args] pair, and a plain library
 * function that cannot block is called without any generator at all.
 */
function directCall(c: Compiler, e: ast.CallExpr): E | null {
  const fun = unparen(e.fun);
  let f: import('../types/types.ts').Func | null = null;
  let recv: E | null = null;
  if (fun.kind === 'Ident') {
    const o = c.obj(fun);
    if (o && o.tag === 'Func') f = o;
  } else if (fun.kind === 'SelectorExpr') {
    const sel = c.info.selections.get(fun.id);
    if (!sel) {
      const o = c.obj(fun.sel);
      if (o && o.tag === 'Func') f = o;
    } else if (sel.kind === 'method' && !isInterface(c.typeOf(fun.x)) && sel.method && sel.method.type.recv && !isInterface(sel.method.type.recv.type)) {
      f = sel.method;
      const recvT = f.type.recv!.type;
      recv = receiver(c, fun.x, sel.path, under(recvT).tag === 'Pointer');
    }
  }
  if (f === null) return null;
  if (e.args.length === 1 && multiValue(c, e.args[0]!) !== null) return null;
  const sig = under(c.typeOf(e.fun)) as Signature;
  const argEs = argList(c, e, sig);
  const all = recv ? [recv, ...argEs] : argEs;
  const line = e.pos.line;
  const n = all.length;
  const allSync = all.every((a) => a.s !== null);
  const syncs = all.map((a) => a.s!);
  if (f.pkg !== 'main') {
    // A library native.
    const key = recv ? null : `${pkgShort(f.pkg ?? '')}.${f.name}`;
    const nat = key ? c.prog.callable(key) : nativeOfMethod(c, f);
    if (!nat) return null;
    const ctx = c.prog.ctx;
    if (!isGeneratorFn(nat)) {
      const plain = nat as (ctx: unknown, ...a: unknown[]) => unknown;
      if (allSync) {
        if (n === 0) return sy((fr) => { fr.line = line; return plain(ctx); });
        if (n === 1) { const a0 = syncs[0]!; return sy((fr) => { const x = a0(fr); fr.line = line; return plain(ctx, x); }); }
        if (n === 2) { const a0 = syncs[0]!, a1 = syncs[1]!; return sy((fr) => { const x = a0(fr), y = a1(fr); fr.line = line; return plain(ctx, x, y); }); }
        return sy((fr) => { const vals = new Array<unknown>(n); for (let i = 0; i < n; i++) vals[i] = syncs[i]!(fr); fr.line = line; return plain(ctx, ...vals); });
      }
      return gn(function* (fr) {
        const vals = new Array<unknown>(n);
        for (let i = 0; i < n; i++) vals[i] = yield* all[i]!.g(fr);
        fr.line = line;
        return plain(ctx, ...vals);
      });
    }
    const gen = nat as (ctx: unknown, ...a: unknown[]) => Gen;
    return gn(function* (fr) {
      const vals = new Array<unknown>(n);
      for (let i = 0; i < n; i++) { const a = all[i]!; vals[i] = a.s !== null ? a.s(fr) : yield* a.g(fr); }
      fr.line = line;
      return yield* gen(ctx, ...vals);
    });
  }
  const h = c.funcHolder(f);
  if (allSync && c.plain.has(f)) return plainCall(c, h, syncs, line);
  if (allSync) {
    if (n === 0) return gn(function* (fr) { fr.line = line; CALL.fn = h.fn; CALL.args = []; return yield CALL; });
    if (n === 1) { const a0 = syncs[0]!; return gn(function* (fr) { const x = a0(fr); fr.line = line; CALL.fn = h.fn; CALL.args = [x]; return yield CALL; }); }
    if (n === 2) { const a0 = syncs[0]!, a1 = syncs[1]!; return gn(function* (fr) { const x = a0(fr), y = a1(fr); fr.line = line; CALL.fn = h.fn; CALL.args = [x, y]; return yield CALL; }); }
  }
  return gn(function* (fr) {
    const vals = new Array<unknown>(n);
    for (let i = 0; i < n; i++) { const a = all[i]!; vals[i] = a.s !== null ? a.s(fr) : yield* a.g(fr); }
    fr.line = line;
    CALL.fn = h.fn; CALL.args = vals;
    return yield CALL;
  });
}

function nativeOfMethod(c: Compiler, m: import('../types/types.ts').Func): import('../runtime/native.ts').Native | null {
  const recv = m.type.recv;
  if (!recv) return null;
  let rt = recv.type;
  if (rt.tag === 'Pointer') rt = rt.elem;
  if (rt.tag !== 'Named') return null;
  return c.prog.callable(`${pkgShort(rt.pkg)}.${rt.name}.${m.name}`);
}

function unparen(x: ast.Expr): ast.Expr {
  while (x.kind === 'ParenExpr') x = x.x;
  return x;
}

/** Evaluates callee then arguments; yields [GoFunc | null, args]. */
export function prepare(c: Compiler, e: ast.CallExpr): E {
  const fun = unparen(e.fun);
  let callee: E;
  if (fun.kind === 'SelectorExpr' && c.info.selections.get(fun.id)?.kind === 'method') callee = methodValue(c, fun);
  else if (fun.kind === 'Ident' && c.obj(fun)?.tag === 'Func') callee = funcValue(c, c.obj(fun) as import('../types/types.ts').Func);
  else callee = expr(c, fun);
  const sig = under(c.typeOf(e.fun)) as Signature;
  const args = callArgs(c, e, sig);
  return seqE([callee, args], (v) => v);
}

/** Each argument as its own E, with variadic packing and conversions (no f(g()) form). */
function argList(c: Compiler, e: ast.CallExpr, sig: Signature): E[] {
  const params = sig.params.vars;
  const np = params.length;
  const es: E[] = [];
  if (sig.variadic && !e.ellipsis) {
    for (let i = 0; i < np - 1; i++) es.push(exprTo(c, e.args[i]!, params[i]!.type));
    const elemT = (under(params[np - 1]!.type) as import('../types/types.ts').Slice).elem;
    const rest = e.args.slice(np - 1).map((a) => exprTo(c, a, elemT));
    es.push(rest.length === 0 ? sy(() => null) : seqE(rest, (vals) => sliceOf(vals)));
  } else {
    e.args.forEach((a, i) => es.push(exprTo(c, a, params[i]!.type)));
  }
  return es;
}

/** The argument list as an E producing an array, with variadic packing and conversions. */
export function callArgs(c: Compiler, e: ast.CallExpr, sig: Signature): E {
  const params = sig.params.vars;
  const np = params.length;
  // f(g()) with g returning several values.
  if (e.args.length === 1) {
    const at = multiValue(c, e.args[0]!);
    if (at !== null) {
      const inner = expr(c, e.args[0]!);
      const convs = at.vars.map((v, i) => convertFn(v.type, paramType(sig, i, at.vars.length)));
      const variadic = sig.variadic && !e.ellipsis;
      return mapE(inner, (vals) => {
        const vs = (vals as unknown[]).map((v, i) => (convs[i] ? convs[i]!(v) : v));
        return variadic ? [...vs.slice(0, np - 1), sliceOf(vs.slice(np - 1))] : vs;
      });
    }
  }
  const es: E[] = [];
  if (sig.variadic && !e.ellipsis) {
    for (let i = 0; i < np - 1; i++) es.push(exprTo(c, e.args[i]!, params[i]!.type));
    const elemT = (under(params[np - 1]!.type) as import('../types/types.ts').Slice).elem;
    const rest = e.args.slice(np - 1).map((a) => exprTo(c, a, elemT));
    const packed = rest.length === 0 ? sy(() => null) : seqE(rest, (vals) => sliceOf(vals));
    es.push(packed);
  } else {
    e.args.forEach((a, i) => es.push(exprTo(c, a, params[i]!.type)));
  }
  return seqE(es, (v) => v);
}

/** The result tuple of a call producing several values, else null. */
export function multiValue(c: Compiler, x: ast.Expr): Tuple | null {
  x = unparen(x);
  if (x.kind !== 'CallExpr') return null;
  const ft = c.info.types.get(x.fun.id);
  if (!ft || ft.mode === 'typexpr' || ft.mode === 'builtin') return null;
  const sig = under(ft.type);
  if (sig.tag !== 'Signature' || sig.results.vars.length < 2) return null;
  return sig.results;
}

function paramType(sig: Signature, i: number, nargs: number): Type {
  const ps = sig.params.vars;
  if (sig.variadic && i >= ps.length - 1 && nargs >= ps.length) {
    return (under(ps[ps.length - 1]!.type) as import('../types/types.ts').Slice).elem;
  }
  return ps[i]!.type;
}

export function sliceOf(vals: unknown[]): SliceValue {
  return { arr: vals, off: 0, len: vals.length, cap: vals.length };
}

/** A call (of a function, method or builtin) evaluated now and run later, for go/defer. */
export function prepareThunk(c: Compiler, e: ast.CallExpr, forGo = false): E {
  const fun = unparen(e.fun);
  if (fun.kind === 'Ident') {
    const o = c.obj(fun);
    if (o && o.tag === 'Builtin') {
      // Arguments evaluated now: compile each as a constant-producing closure at run time.
      const argEs = e.args.map((a) => expr(c, a));
      const run = builtinOnValues(c, o.name, e);
      return seqE(argEs, (vals) => (function* () { return yield* run(vals); }) as Thunk);
    }
  }
  const p = prepare(c, e);
  const starts = forGo && c.S.explore !== null;
  return mapE(p, (v) => {
    const [f, args] = v as [GoFunc | null, unknown[]];
    const th = (function () {
      // A go statement calls the thunk at once (it starts the goroutine's generator), and Go
      // refuses a nil function there, in the creating goroutine.
      if (f === null) throw forGo ? new GoFatal('go of nil func value') : nilDeref();
      return f(...args);
    }) as Thunk;
    // Explore mode: what the goroutine starts as, so that goroutines that start alike are found (Scheduler.findTwin).
    if (starts && f !== null && (f as StartedFunc).code !== undefined) (th as unknown as StartedFunc).start = { f, args };
    return th;
  });
}

// ------------------------------------------------------------------ builtins

function builtinOnValues(c: Compiler, name: string, e: ast.CallExpr): (vals: unknown[]) => Gen {
  const S = c.S;
  switch (name) {
    case 'close': return function* (v) {
      if (S.explore !== null) yield* S.point(v[0], FOOTPRINT_CLOSE);
      chanClose(v[0] as Channel | null);
    };
    case 'panic': {
      const conv = convertFn(c.typeOf(e.args[0]!), c.info.types.get(e.args[0]!.id)!.type);
      void conv;
      const at = c.typeOf(e.args[0]!);
      const f = convertFn(at, { tag: 'Interface' } as unknown as Type) ?? ((x: unknown) => x);
      return function* (v) { throw new GoPanic(isInterface(at) ? (v[0] as Iface | null) : (f(v[0]) as Iface)); };
    }
    case 'print': case 'println': {
      const types = e.args.map((a) => c.typeOf(a));
      const prog = c.prog;
      return function* (v) {
        if (S.explore !== null) yield* S.point(OUTPUT);
        writePrint(prog, types, v, name === 'println');
      };
    }
    case 'recover': return function* () { return null; };
    default: {
      void S;
      return function* () { throw new Error(`gosim: cannot defer builtin ${name}`); };
    }
  }
}

function builtin(c: Compiler, name: string, e: ast.CallExpr): E {
  const S = c.S;
  const args = e.args;
  switch (name) {
    case 'len': case 'cap': {
      const t = under(c.typeOf(args[0]!));
      const x = expr(c, args[0]!);
      const isCap = name === 'cap';
      switch (t.tag) {
        case 'Basic': return mapE(x, (s) => (s as string).length);
        case 'Slice': return mapE(x, (s) => (s === null ? 0 : isCap ? (s as SliceValue).cap : (s as SliceValue).len));
        case 'Array': { const n = t.len; return mapE(x, () => n); }
        case 'Pointer': { const n = (under(t.elem) as import('../types/types.ts').GoArray).len; return mapE(x, () => n); }
        case 'Map': return mapE(x, (m) => (m === null ? 0 : (m as MapValue).size));
        case 'Chan': {
          if (isCap || S.explore === null) return mapE(x, (ch) => (ch === null ? 0 : isCap ? (ch as Channel).cap : (ch as Channel).len));
          // Explore mode: len(ch) reads what sends and receives change, so it is a scheduling
          // point of its own (a read: it commutes with other reads). Otherwise a send and a
          // receive that commute could be taken to happen after it in one order only.
          const xg = x.g;
          return gn(function* (fr) {
            const ch = (yield* xg(fr)) as Channel | null;
            if (ch === null) return 0;
            yield* S.point(ch, FOOTPRINT_READ);
            return ch.len;
          });
        }
        default: throw new Error(`gosim: len of ${t.tag}`);
      }
    }
    case 'append': {
      const st = c.typeOf(e);
      const elemT = (under(st) as import('../types/types.ts').Slice).elem;
      const base = expr(c, args[0]!);
      const esz = sizeOf(elemT);
      const cost = valueCost(elemT);
      if (e.ellipsis) {
        const other = expr(c, args[1]!);
        const isStr = under(c.typeOf(args[1]!)).tag === 'Basic';
        return seqE([base, other], (v) => {
          let src: unknown[];
          if (isStr) { const s = v[1] as string; src = []; for (let i = 0; i < s.length; i++) src.push(s.charCodeAt(i)); }
          else { const o = v[1] as SliceValue | null; src = o === null ? [] : o.arr.slice(o.off, o.off + o.len); }
          return appendVals(S, v[0] as SliceValue | null, src, isAggregate(elemT), esz, cost);
        });
      }
      const rest = args.slice(1).map((a) => exprTo(c, a, elemT));
      const agg = isAggregate(elemT);
      return seqE([base, ...rest], (v) => appendVals(S, v[0] as SliceValue | null, v.slice(1), agg, esz, cost));
    }
    case 'make': {
      const t = c.typeOf(e);
      const u = under(t);
      const sizes = args.slice(1).map((a) => expr(c, a));
      switch (u.tag) {
        case 'Slice': {
          const z = zeroFn(u.elem);
          const cost = valueCost(u.elem);
          return seqE(sizes, (v) => {
            const n = toNumber(v[0]);
            const cp = v.length > 1 ? toNumber(v[1]) : n;
            // Go's own limit is memory; gosim refuses what a JS array cannot hold comfortably.
            if (n < 0 || n > MAX_ELEMS) throw runtimeErrorPanic('makeslice: len out of range');
            if (cp < n || cp > MAX_ELEMS) throw runtimeErrorPanic('makeslice: cap out of range');
            S.alloc(arrayCost(cp, cost));
            const arr = new Array<unknown>(cp);
            for (let i = 0; i < cp; i++) arr[i] = z();
            return { arr, off: 0, len: n, cap: cp } as SliceValue;
          });
        }
        case 'Map': return seqE(sizes, () => { S.alloc(MAP); return new MapValue(); });
        case 'Chan': {
          const z = zeroFn(u.elem);
          const cost = valueCost(u.elem);
          return seqE(sizes, (v) => {
            const n = v.length ? toNumber(v[0]) : 0;
            if (n < 0) throw runtimeErrorPanic('makechan: size out of range');
            return new Channel(n, z, S, cost);
          });
        }
        default: throw new Error(`gosim: make of ${u.tag}`);
      }
    }
    case 'new': {
      const t = c.typeOf(e);
      const z = zeroFn((under(t) as import('../types/types.ts').Pointer).elem);
      const agg = isAggregate((under(t) as import('../types/types.ts').Pointer).elem);
      const bytes = heapCost((under(t) as import('../types/types.ts').Pointer).elem);
      return sy(() => { S.alloc(bytes); return agg ? new ValuePtr(z() as unknown[]) : new Box(z()); });
    }
    case 'delete': {
      const mt = under(c.typeOf(args[0]!)) as import('../types/types.ts').GoMap;
      const kf = mapKeyFn(mt.key);
      const bytes = entryCost(mt);
      return seqE([expr(c, args[0]!), exprTo(c, args[1]!, mt.key)], (v) => {
        if (v[0] !== null && (v[0] as MapValue).delete(kf(v[1]))) S.free(bytes);
        return undefined;
      });
    }
    case 'copy': {
      const isStr = under(c.typeOf(args[1]!)).tag === 'Basic';
      return seqE([expr(c, args[0]!), expr(c, args[1]!)], (v) => {
        const dst = v[0] as SliceValue | null;
        if (dst === null) return 0;
        if (isStr) {
          const s = v[1] as string;
          const n = Math.min(dst.len, s.length);
          for (let i = 0; i < n; i++) dst.arr[dst.off + i] = s.charCodeAt(i);
          return n;
        }
        const src = v[1] as SliceValue | null;
        if (src === null) return 0;
        const n = Math.min(dst.len, src.len);
        const tmp = src.arr.slice(src.off, src.off + n);
        for (let i = 0; i < n; i++) { const x = tmp[i]; dst.arr[dst.off + i] = Array.isArray(x) ? copyAgg(x) : x; }
        return n;
      });
    }
    case 'clear': {
      const t = under(c.typeOf(args[0]!));
      if (t.tag === 'Map') {
        const bytes = entryCost(t);
        return mapE(expr(c, args[0]!), (m) => {
          if (m !== null) { S.free((m as MapValue).size * bytes); (m as MapValue).clear(); }
          return undefined;
        });
      }
      const z = zeroFn((t as import('../types/types.ts').Slice).elem);
      return mapE(expr(c, args[0]!), (s) => {
        const sv = s as SliceValue | null;
        if (sv !== null) for (let i = 0; i < sv.len; i++) sv.arr[sv.off + i] = z();
        return undefined;
      });
    }
    case 'min': case 'max': {
      const t = c.typeOf(e);
      const isMin = name === 'min';
      const xs = args.map((a) => exprTo(c, a, t));
      const isFloat = under(t).tag === 'Basic' && /float/.test((under(t) as import('../types/types.ts').Basic).kind);
      return seqE(xs, (v) => {
        let r = v[0] as number;
        for (let i = 1; i < v.length; i++) {
          const y = v[i] as number;
          if (isFloat && (r !== r || y !== y)) return NaN;
          if (isMin ? y < r : y > r) r = y;
        }
        return r;
      });
    }
    case 'complex': return seqE([expr(c, args[0]!), expr(c, args[1]!)], (v) => ({ re: v[0] as number, im: v[1] as number }));
    case 'real': return mapE(expr(c, args[0]!), (v) => (v as { re: number }).re);
    case 'imag': return mapE(expr(c, args[0]!), (v) => (v as { im: number }).im);
    case 'close': {
      const x = expr(c, args[0]!);
      if (c.S.explore === null) return mapE(x, (ch) => { chanClose(ch as Channel | null); return undefined; });
      // Explore mode: close is a scheduling point, so it runs in a generator.
      const S = c.S, xg = x.g;
      return gn(function* (fr) {
        const ch = yield* xg(fr);
        yield* S.point(ch, FOOTPRINT_CLOSE);
        chanClose(ch as Channel | null);
        return undefined;
      });
    }
    case 'panic': {
      const at = c.typeOf(args[0]!);
      const x = expr(c, args[0]!);
      const conv = isInterface(at) ? null : ((v: unknown) => ({ t: at, v: isAggregate(at) ? copyAgg(v as unknown[]) : v }));
      const line = e.pos.line;
      return gn(function* (fr) {
        const v = yield* x.g(fr);
        fr.line = line;
        const val = conv ? conv(v) : (v as Iface | null);
        if (val !== null && (val as Iface).t.tag === 'Basic' && ((val as Iface).t as import('../types/types.ts').Basic).kind === 'untyped nil') throw new GoPanic(null);
        throw new GoPanic(val as Iface | null);
      });
    }
    case 'recover': {
      const prog = c.prog;
      return sy((fr) => {
        const g = S.current;
        const p = g.panicking;
        if (!fr.deferred || p === null || p.recovered) return null;
        p.recovered = true;
        return recoveredValue(p, prog.runtimeErrors) ?? nilPanicValue(c);
      });
    }
    case 'print': case 'println': {
      const types = args.map((a) => c.typeOf(a));
      const prog = c.prog;
      const nl = name === 'println';
      const all = seqE(args.map((a) => expr(c, a)), (v) => v);
      if (c.S.explore === null) return mapE(all, (v) => { writePrint(prog, types, v as unknown[], nl); return undefined; });
      // Explore mode: a write to stderr is a scheduling point, so it runs in a generator.
      const S = c.S, ag = all.g;
      return gn(function* (fr) {
        const v = (yield* ag(fr)) as unknown[];
        yield* S.point(OUTPUT);
        writePrint(prog, types, v, nl);
        return undefined;
      });
    }
    default: throw new Error(`gosim: builtin ${name} not supported`);
  }
}

function nilPanicValue(c: Compiler): Iface | null {
  try {
    const t = c.prog.typeOf('runtime.PanicNilError');
    return { t, v: [] };
  } catch {
    return null;
  }
}

const sizeClasses = [
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480,
  512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
  5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480,
  21760, 24576, 27264, 28672, 32768,
];

/** The capacity Go's growslice picks: its growth rule, then rounded up to the allocator's size class. */
function growCap(oldCap: number, need: number, elemSize: number): number {
  let cap: number;
  const dbl = oldCap * 2;
  if (need > dbl) cap = need;
  else if (oldCap < 256) cap = dbl;
  else { cap = oldCap; while (cap < need) cap += (cap + 3 * 256) >> 2; }
  if (elemSize <= 0) return cap;
  const bytes = cap * elemSize;
  const rounded = bytes <= 32768 ? (sizeClasses.find((c) => c >= bytes) ?? bytes) : Math.ceil(bytes / 8192) * 8192;
  return Math.floor(rounded / elemSize);
}

/** Approximate size in bytes of a value of type t on amd64, for growslice's rounding. */
export function sizeOf(t: Type): number {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      switch (u.kind) {
        case 'bool': case 'int8': case 'uint8': return 1;
        case 'int16': case 'uint16': return 2;
        case 'int32': case 'uint32': case 'float32': return 4;
        case 'string': case 'complex128': return 16;
        default: return 8;
      }
    case 'Slice': return 24;
    case 'Interface': return 16;
    case 'Array': return u.len * sizeOf(u.elem);
    case 'Struct': {
      let size = 0, align = 1;
      for (const f of u.fields) {
        const fs = sizeOf(f.type);
        const a = fs >= 8 ? 8 : fs >= 4 ? 4 : fs >= 2 ? 2 : 1;
        align = Math.max(align, a);
        size = Math.ceil(size / a) * a + fs;
      }
      return Math.ceil(size / align) * align;
    }
    default: return 8;
  }
}

/**
 * append. A new backing array is counted against the memory budget, but when it replaces a
 * full one only by what it adds: the old array is usually garbage from then on, and counting it
 * again at every doubling would charge a growing slice twice what it holds.
 */
export function appendVals(S: Budget, s: SliceValue | null, vals: unknown[], agg: boolean, elemSize: number, elemCost: number): SliceValue | null {
  if (s === null || s.cap === 0) {
    if (vals.length === 0) return s;
    const cap = growCap(0, vals.length, elemSize);
    S.alloc(arrayCost(cap, elemCost));
    return { arr: agg ? vals.map((v) => copyAgg(v as unknown[])) : vals.slice(), off: 0, len: vals.length, cap };
  }
  if (agg) vals = vals.map((v) => copyAgg(v as unknown[]));
  const need = s.len + vals.length;
  if (need <= s.cap) {
    for (let i = 0; i < vals.length; i++) s.arr[s.off + s.len + i] = vals[i];
    return { arr: s.arr, off: s.off, len: need, cap: s.cap };
  }
  const cap = growCap(s.cap, need, elemSize);
  S.alloc((cap - s.cap) * elemCost);
  const arr = s.arr.slice(s.off, s.off + s.len);
  for (let i = 0; i < vals.length; i++) arr.push(vals[i]);
  return { arr, off: 0, len: need, cap };
}

export type { Tuple };
