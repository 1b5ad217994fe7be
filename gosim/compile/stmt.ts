// Statements: blocks, assignments, control flow, go/defer, select, switch and range loops.
// Loops count steps at their back-edge so a busy goroutine is preempted (scheduler.ts).
import type * as ast from '../syntax/ast.ts';
import type { Type, Var, BasicKind } from '../types/types.ts';
import type { SliceValue, GoInt } from '../runtime/values.ts';
import type { Frame } from '../runtime/goroutine.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import { DEFER, entryCost } from '../runtime/memory.ts';
import { PREEMPT, handOff } from '../runtime/calling.ts';
import { under } from '../types/predicates.ts';
import { Box, MapValue, isAggregate, copyInto, mapKeyFn, intKind, intBinary, intShift, nilMapWrite } from '../runtime/ops.ts';
import { Channel, chanSend, chanRecv } from '../runtime/chan.ts';
import { sy, gn, ss, gs, constE, Ctl, starter, pending, RETURN, BREAK, CONTINUE, FALLTHROUGH, type E, type S, type R, type Gen, type SyncE } from './code.ts';
import type { Compiler } from './compiler.ts';
import { expr, exprTo, fieldBase, loadPtr, boundsCheck, mapIndexOk, typeAssert, seqE, mapE } from './expr.ts';
import { prepareThunk, multiValue, type Thunk } from './call.ts';
import { GoPanic } from '../runtime/panic.ts';
import { ifStmt, forStmt, rangeStmt, switchStmt, typeSwitch, selectStmt } from './control.ts';
import { pkgVarBox } from './access.ts';

/** Shared by every `go` statement: its thunk takes no arguments. */
const NO_ARGS: unknown[] = [];

const NOOP: S = ss(() => undefined);

export function compileBlock(c: Compiler, b: ast.BlockStmt): S {
  return stmtList(c, b.list);
}

export function stmtList(c: Compiler, list: ast.Stmt[]): S {
  // Blocks set each statement's line (for tracebacks) themselves: one closure less per statement.
  const items = list.map((s) => ({ s: stmtNoLine(c, s), line: s.pos.line })).filter((x) => x.s !== NOOP);
  const ss_ = items.map((x) => x.s);
  const lines = items.map((x) => x.s.line ?? x.line);
  if (ss_.length === 0) return NOOP;
  // `goto L` where L labels a statement of this list: jump there (a Ctl travels up to here).
  const labels = new Map<string, number>();
  list.filter((s) => s.kind !== 'EmptyStmt').forEach((s, i) => { if (s.kind === 'LabeledStmt') labels.set(s.label.name, i); });
  if (labels.size > 0 && list.length === items.length) {
    const n = ss_.length;
    const S = c.S;
    return gs(function* (fr) {
      for (let i = 0; i < n; i++) {
        const st = ss_[i]!;
        fr.line = lines[i]!;
        const r = st.s !== null ? st.s(fr) : yield* st.g(fr);
        if (r !== undefined) {
          const to = r.kind === 'goto' ? labels.get(r.label!) : undefined;
          if (to === undefined) return r;
          i = to - 1;
          if (++S.steps >= S.preemptAt) yield PREEMPT;
        }
      }
      return undefined;
    });
  }
  if (ss_.length === 1) {
    const only = ss_[0]!;
    if (only.s !== null) return withLine(lines[0]!, only);
    return only.f !== undefined ? { s: null, g: only.g, f: only.f, line: lines[0]! } : { s: null, g: only.g, line: lines[0]! };
  }
  if (ss_.every((s) => s.s !== null)) {
    const fs = ss_.map((s) => s.s!);
    const n = fs.length;
    return ss((fr) => {
      for (let i = 0; i < n; i++) { fr.line = lines[i]!; const r = fs[i]!(fr); if (r !== undefined) return r; }
      return undefined;
    });
  }
  const n = ss_.length;
  const starts = ss_.map(starter);
  // Statements started through their fast path: a generator they hand back is about to park.
  const fastStart = ss_.map((st) => st.s === null && st.f !== undefined);
  // Runs the block from statement i on, as a generator; `x`, when given, is the generator of
  // statement i-1 that must finish first (the fast path below handed it over). A generator a
  // fast path handed back runs on top of the goroutine's stack (handOff); one started afresh may
  // well finish without parking, and runs inside this one.
  function* from(fr: Frame, i: number, x: Gen<R> | null): Gen<R> {
    if (x !== null) {
      const r0 = (yield handOff(x)) as R;
      if (r0 !== undefined) return r0;
    }
    for (; i < n; i++) {
      fr.line = lines[i]!;
      const q = starts[i]!(fr);
      const r: R = q === undefined ? undefined : !pending(q) ? q : fastStart[i] ? (yield handOff(q)) as R : yield* q;
      if (r !== undefined) return r;
    }
    return undefined;
  }
  // With a fast path among the statements, the block gets one too: it runs synchronously until a
  // statement must really block, and only then hands the rest of the block over to a generator.
  const fast = ss_.some((st) => st.f !== undefined)
    ? (fr: Frame): R | Gen<R> => {
      for (let i = 0; i < n; i++) {
        fr.line = lines[i]!;
        const y = starts[i]!(fr);
        if (y !== undefined) return pending(y) ? from(fr, i + 1, y) : y;
      }
      return undefined;
    }
    : undefined;
  const g = (fr: Frame): Gen<R> => from(fr, 0, null);
  return fast !== undefined ? { s: null, g, f: fast } : gs(g);
}

function stmtNoLine(c: Compiler, s: ast.Stmt): S {
  switch (s.kind) {
    case 'EmptyStmt': case 'BlockStmt': case 'LabeledStmt': return stmt(c, s);
    default: return stmtInner(c, s);
  }
}

function withLine(line: number, s: S): S {
  const f = s.s;
  if (f !== null) return ss((fr) => { fr.line = line; return f(fr); });
  const g = s.g;
  return gs(function* (fr) { fr.line = line; return yield* g(fr); });
}

/** Run an E for effect as a statement. */
function effect(x: E): S {
  const f = x.s;
  if (f !== null) return ss((fr) => { f(fr); return undefined; });
  const g = x.g;
  return gs(function* (fr) { yield* g(fr); return undefined; });
}

export function stmt(c: Compiler, s: ast.Stmt): S {
  switch (s.kind) {
    case 'EmptyStmt': return NOOP;
    case 'BlockStmt': return compileBlock(c, s);
    case 'LabeledStmt': {
      c.pendingLabel = s.label.name;
      const inner = stmt(c, s.stmt);
      c.pendingLabel = null;
      const label = s.label.name;
      // A labeled non-loop statement (switch/select/block) absorbs `break label`.
      return catchBreak(inner, label);
    }
    default: return withLine(s.pos.line, stmtInner(c, s));
  }
}

function catchBreak(inner: S, label: string): S {
  const f = inner.s;
  const fix = (r: R) => (r !== undefined && r.kind === 'break' && r.label === label ? undefined : r);
  if (f !== null) return ss((fr) => fix(f(fr)));
  const g = inner.g;
  const l = inner.line ?? 0;
  return gs(function* (fr) { if (l) fr.line = l; return fix(yield* g(fr)); });
}

function stmtInner(c: Compiler, s: ast.Stmt): S {
  switch (s.kind) {
    case 'ExprStmt': {
      const chs = recvOperand(c, s.x);
      return chs !== null ? recvStmt(c, chs, null) : effect(expr(c, s.x));
    }
    case 'DeclStmt': return declStmt(c, s.decl);
    case 'AssignStmt': return assign(c, s);
    case 'IncDecStmt': return opAssign(c, s.x, s.inc ? '+' : '-', null);
    case 'SendStmt': {
      const chT = under(c.typeOf(s.chan)) as import('../types/types.ts').Chan;
      const ch = expr(c, s.chan), v = exprTo(c, s.value, chT.elem);
      const S = c.S;
      if (ch.s !== null && v.s !== null) {
        const chs = ch.s, vs = v.s, a = ch.slot, b = v.slot;
        // A send on a nil channel blocks forever.
        function* nilSend(): Gen<R> {
          yield* S.park('chan send (nil chan)', null);
          return undefined;
        }
        return {
          s: null,
          g: function* (fr) {
            const chv = chs(fr) as Channel | null;
            const val = vs(fr);
            if (chv === null) { yield* S.park('chan send (nil chan)', null); return undefined; }
            if (!chv.trySend(val)) yield* chv.sendWait(val);
            return undefined;
          },
          f: (fr) => {
            // Operands in local variables are read in place: a call less each in hot loops.
            const chv = (a !== undefined ? fr.s[a] : chs(fr)) as Channel | null;
            const val = b !== undefined ? fr.s[b] : vs(fr);
            if (chv === null) return nilSend();
            if (chv.trySend(val)) return undefined;
            // sendWait returns undefined, as a statement does: its generator is the slow path itself.
            return chv.sendWait(val) as Gen<R>;
          },
        };
      }
      const both = seqE([ch, v], (x) => x);
      const bg = both.g;
      return gs(function* (fr) {
        const [chv, val] = (yield* bg(fr)) as [Channel | null, unknown];
        yield* chanSend(S, chv, val);
        return undefined;
      });
    }
    case 'GoStmt': {
      const th = prepareThunk(c, s.call, true);
      const S = c.S;
      return mapS(th, (t) => { S.go(t as Thunk as unknown as import('../runtime/native.ts').GoFunc, NO_ARGS); });
    }
    case 'DeferStmt': {
      c.fn.hasDefer = true;
      const th = prepareThunk(c, s.call);
      const S = c.S;
      // Counted until it runs (runDefers), so that `for { defer f() }` cannot grow without end.
      return mapS2(th, (fr, t) => { S.alloc(DEFER); (fr.defers ??= []).push(t as Thunk); });
    }
    case 'ReturnStmt': return returnStmt(c, s);
    case 'BranchStmt': {
      const label = s.label ? s.label.name : null;
      switch (s.tok) {
        case 'break': { const k = label ? new Ctl('break', label) : BREAK; return ss(() => k); }
        case 'continue': { const k = label ? new Ctl('continue', label) : CONTINUE; return ss(() => k); }
        case 'fallthrough': return ss(() => FALLTHROUGH);
        default: { const k = new Ctl('goto', label); return ss(() => k); }
      }
    }
    case 'IfStmt': return ifStmt(c, s);
    case 'ForStmt': return forStmt(c, s);
    case 'RangeStmt': return rangeStmt(c, s);
    case 'SwitchStmt': return switchStmt(c, s);
    case 'TypeSwitchStmt': return typeSwitch(c, s);
    case 'SelectStmt': return selectStmt(c, s);
    default: throw new Error(`gosim: unsupported statement ${s.kind}`);
  }
}

function mapS(x: E, f: (v: unknown) => void): S {
  const xs = x.s;
  if (xs !== null) return ss((fr) => { f(xs(fr)); return undefined; });
  const xg = x.g;
  return gs(function* (fr) { f(yield* xg(fr)); return undefined; });
}

function mapS2(x: E, f: (fr: Frame, v: unknown) => void): S {
  const xs = x.s;
  if (xs !== null) return ss((fr) => { f(fr, xs(fr)); return undefined; });
  const xg = x.g;
  return gs(function* (fr) { f(fr, yield* xg(fr)); return undefined; });
}

// ------------------------------------------------------------------ declarations and assignment

function declStmt(c: Compiler, d: ast.GenDecl): S {
  if (d.tok !== 'var') return NOOP;
  const parts: S[] = [];
  for (const sp of d.specs) {
    if (sp.kind !== 'ValueSpec') continue;
    const vars = sp.names.map((n) => c.info.defs.get(n.id) as Var | undefined);
    if (sp.values.length === 0) {
      for (const v of vars) {
        if (!v) continue;
        const init = c.initVar(v);
        const z = zeroOf(v.type);
        parts.push(ss((fr) => { init(fr, z()); return undefined; }));
      }
      continue;
    }
    parts.push(defineFrom(c, sp.names, sp.values, vars.map((v) => v ?? null)));
  }
  if (parts.length === 1) return parts[0]!;
  return seqS(parts);
}

function zeroOf(t: Type): () => unknown {
  return (zeroCache.get(t) ?? (() => { const z = zeroFnLocal(t); zeroCache.set(t, z); return z; })());
}
const zeroCache = new WeakMap<Type, () => unknown>();
import { zeroFn as zeroFnLocal } from '../runtime/ops.ts';

function seqS(parts: S[]): S {
  if (parts.every((p) => p.s !== null)) {
    const fs = parts.map((p) => p.s!);
    return ss((fr) => { for (const f of fs) f(fr); return undefined; });
  }
  return gs(function* (fr) { for (const p of parts) yield* p.g(fr); return undefined; });
}

/** Values for a list of lhs from a list of rhs (1:1, or one multi-valued rhs). */
function rhsValues(c: Compiler, lhsTypes: (Type | null)[], rhs: ast.Expr[]): E {
  if (rhs.length === lhsTypes.length) {
    return seqE(rhs.map((r, i) => (lhsTypes[i] ? exprTo(c, r, lhsTypes[i]!) : expr(c, r))), (v) => v);
  }
  // One rhs producing several values.
  const r = unparen(rhs[0]!);
  let x: E;
  let srcTypes: Type[];
  if (r.kind === 'IndexExpr') { x = mapIndexOk(c, r); srcTypes = [c.typeOf(r), boolT]; }
  else if (r.kind === 'TypeAssertExpr') { x = typeAssert(c, r, true); srcTypes = [c.typeOf(r), boolT]; }
  else if (r.kind === 'UnaryExpr' && r.op === '<-') {
    const ch = expr(c, r.x);
    const S = c.S;
    const chg = ch.g;
    x = gn(function* (fr) {
      const chv = (yield* chg(fr)) as Channel | null;
      if (chv === null) { yield* S.park('chan receive (nil chan)', null); return [null, false]; }
      if (chv.tryRecv()) return [chv.got, chv.gotOk];
      yield* chv.recvWait();
      return [chv.got, chv.gotOk];
    });
    srcTypes = [c.typeOf(r), boolT];
  } else {
    x = expr(c, r);
    const tt = multiValue(c, r);
    srcTypes = tt ? tt.vars.map((v) => v.type) : [c.typeOf(r)];
  }
  const convs = lhsTypes.map((lt, i) => (lt ? convertE2(srcTypes[i]!, lt) : null));
  return mapE(x, (vals) => (vals as unknown[]).map((v, i) => (convs[i] ? convs[i]!(v) : v)));
}

import { Basic } from '../types/types.ts';
import { convertFn } from './expr.ts';
const boolT = new Basic('bool');
function convertE2(from: Type, to: Type): ((v: unknown) => unknown) | null { return convertFn(from, to); }

export function unparen(x: ast.Expr): ast.Expr {
  while (x.kind === 'ParenExpr') x = x.x;
  return x;
}

function defineFrom(c: Compiler, names: ast.Ident[], values: ast.Expr[], vars: (Var | null)[]): S {
  // `:=` may redeclare: identifiers that are uses (not defs) are plain assignments.
  const types = names.map((n, i) => vars[i]?.type ?? (n.name === '_' ? null : typeOfIdent(c, n)));
  const vals = rhsValues(c, types, values);
  const stores = names.map((n, i) => {
    const v = vars[i];
    if (v) return c.initVar(v);
    if (n.name === '_') return null;
    const o = c.obj(n);
    return o && o.tag === 'Var' ? c.storeVar(o) : null;
  });
  return mapS2(vals, (fr, vs) => {
    const a = vs as unknown[];
    for (let i = 0; i < stores.length; i++) { const st = stores[i]; if (st) st(fr, a[i]); }
  });
}

function typeOfIdent(c: Compiler, n: ast.Ident): Type | null {
  const o = c.obj(n);
  return o && o.tag === 'Var' ? o.type : null;
}

type Store = { s: ((fr: Frame, v: unknown) => void) | null; g: (fr: Frame, v: unknown) => Gen<void> };

function storeS(f: (fr: Frame, v: unknown) => void): Store {
  return { s: f, g: function* (fr, v) { f(fr, v); } };
}

/** Where an assignment stores: operands of the target are evaluated at store time. */
export function store(c: Compiler, lhs: ast.Expr): Store {
  lhs = unparen(lhs);
  if (lhs.kind === 'Ident' && lhs.name === '_') return storeS(() => undefined);
  const t = c.typeOf(lhs);
  const agg = isAggregate(t);
  switch (lhs.kind) {
    case 'Ident': {
      const o = c.obj(lhs);
      if (o && o.tag === 'Var') return storeS(c.storeVar(o));
      break;
    }
    case 'SelectorExpr': {
      const sel = c.info.selections.get(lhs.id);
      if (sel && sel.kind === 'field') {
        const base = fieldBase(c, lhs.x, sel.path.slice(0, -1));
        const last = sel.path[sel.path.length - 1]!;
        const put = agg ? (s: unknown[], v: unknown) => copyInto(s[last] as unknown[], v as unknown[]) : (s: unknown[], v: unknown) => { s[last] = v; };
        return withBase(base, put);
      }
      const o = c.obj(lhs.sel);
      if (o && o.tag === 'Var') {
        const box = pkgVarBox(c, o);
        return storeS(agg ? (_fr, v) => copyInto(box.v as unknown[], v as unknown[]) : (_fr, v) => { box.v = v; });
      }
      break;
    }
    case 'StarExpr': {
      const p = expr(c, lhs.x);
      return withBase(p, (ptr, v) => {
        if (ptr === null) throw nilDeref();
        if (agg) copyInto((ptr as unknown as { load(): unknown[] }).load(), v as unknown[]);
        else (ptr as unknown as { store(v: unknown): void }).store(v);
      });
    }
    case 'IndexExpr': {
      const xt = under(c.typeOf(lhs.x));
      if (xt.tag === 'Map') {
        const kf = mapKeyFn(xt.key);
        const both = seqE([expr(c, lhs.x), exprTo(c, lhs.index, xt.key)], (v) => v);
        const S = c.S, bytes = entryCost(xt);
        return withBase(both, (mk, v) => {
          const [m, k] = mk as unknown as [MapValue | null, unknown];
          if (m === null) nilMapWrite();
          setEntry(S, bytes, m, kf(k), k, v);
        });
      }
      const both = seqE([expr(c, lhs.x), expr(c, lhs.index)], (v) => v);
      const kind = xt.tag;
      return withBase(both, (ai, v) => {
        const [a, i] = ai as unknown as [unknown, unknown];
        let arr: unknown[], k: number;
        if (kind === 'Slice') {
          const sv = a as SliceValue | null;
          if (sv === null) throw boundsErr(i, 0);
          k = sv.off + boundsCheck(i, sv.len); arr = sv.arr;
        } else {
          arr = (kind === 'Pointer' ? loadPtr(a) : a) as unknown[];
          k = boundsCheck(i, arr.length);
        }
        if (agg) copyInto(arr[k] as unknown[], v as unknown[]); else arr[k] = v;
      });
    }
    default: break;
  }
  throw new Error(`gosim: cannot assign to ${lhs.kind}`);
}

import { boundsPanic, nilDeref } from '../runtime/rterror.ts';
function boundsErr(i: unknown, n: number): GoPanic { return boundsPanic(`index out of range [${String(i)}] with length ${n}`); }

function withBase(base: E, put: (b: unknown[], v: unknown) => void): Store {
  const bs = base.s;
  if (bs !== null) return storeS((fr, v) => put(bs(fr) as unknown[], v));
  const bg = base.g;
  return { s: null, g: function* (fr, v) { put((yield* bg(fr)) as unknown[], v); } };
}

function assign(c: Compiler, s: ast.AssignStmt): S {
  const recv = recvAssign(c, s);
  if (recv !== null) return recv;
  if (s.op === ':=') {
    const vars = s.lhs.map((l) => (l.kind === 'Ident' ? (c.info.defs.get(l.id) as Var | undefined) ?? null : null));
    return defineFrom(c, s.lhs as ast.Ident[], s.rhs, vars);
  }
  if (s.op !== '=') return opAssign(c, s.lhs[0]!, s.op.slice(0, -1), s.rhs[0]!);
  const types = s.lhs.map((l) => (l.kind === 'Ident' && l.name === '_' ? null : c.typeOf(l)));
  if (s.lhs.length === 1) {
    const st = store(c, s.lhs[0]!);
    const v = types[0] ? exprTo(c, s.rhs[0]!, types[0]) : expr(c, s.rhs[0]!);
    if (st.s !== null && v.s !== null) {
      const f = st.s, vs = v.s;
      return ss((fr) => { f(fr, vs(fr)); return undefined; });
    }
    const vg = v.g, stg = st.g;
    return gs(function* (fr) { const x = yield* vg(fr); yield* stg(fr, x); return undefined; });
  }
  const vals = rhsValues(c, types, s.rhs);
  const stores = s.lhs.map((l) => store(c, l));
  const vg = vals.g;
  return gs(function* (fr) {
    const xs = (yield* vg(fr)) as unknown[];
    for (let i = 0; i < stores.length; i++) yield* stores[i]!.g(fr, xs[i]);
    return undefined;
  });
}

/** The binary operator function for values of type t (S counts what string concatenation makes). */
export function arith(op: string, t: Type, S: Scheduler): (a: unknown, b: unknown) => unknown {
  const u = under(t);
  const k = (u.tag === 'Basic' ? u.kind : 'invalid') as BasicKind;
  const ik = intKind(k);
  if (op === '<<' || op === '>>') return intShift(op, ik!, true);
  if (ik) return intBinary(op, ik);
  if (k === 'string') return (a, b) => S.concat(a as string, b as string);
  const f32 = k === 'float32';
  switch (op) {
    case '+': return f32 ? (a, b) => Math.fround((a as number) + (b as number)) : (a, b) => (a as number) + (b as number);
    case '-': return f32 ? (a, b) => Math.fround((a as number) - (b as number)) : (a, b) => (a as number) - (b as number);
    case '*': return f32 ? (a, b) => Math.fround((a as number) * (b as number)) : (a, b) => (a as number) * (b as number);
    case '/': return f32 ? (a, b) => Math.fround((a as number) / (b as number)) : (a, b) => (a as number) / (b as number);
    default: throw new Error(`gosim: operator ${op} on ${k}`);
  }
}

/** `x op= y` and `x++`: the target's operands are evaluated once. */
function opAssign(c: Compiler, lhs: ast.Expr, op: string, rhs: ast.Expr | null): S {
  lhs = unparen(lhs);
  const t = c.typeOf(lhs);
  const f = arith(op, t, c.S);
  const y: E = rhs ? expr(c, rhs) : constE(1);
  if (lhs.kind === 'Ident') {
    const o = c.obj(lhs) as Var;
    const load = c.loadVar(o);
    const a = load.slot;
    if (a !== undefined && !isAggregate(o.type)) {
      // A local in its slot (`i++`, `total += v`): read and written in place.
      if (y.k !== undefined) { const b = y.k.v; return ss((fr) => { fr.s[a] = f(fr.s[a], b); return undefined; }); }
      const b = y.slot;
      if (b !== undefined) return ss((fr) => { fr.s[a] = f(fr.s[a], fr.s[b]); return undefined; });
    }
    const ld = load.s!;
    const st = c.storeVar(o);
    if (y.s !== null) {
      const ys = y.s;
      return ss((fr) => { st(fr, f(ld(fr), ys(fr))); return undefined; });
    }
    const yg = y.g;
    const g = function* (fr: Frame): Gen<R> { const b = yield* yg(fr); st(fr, f(ld(fr), b)); return undefined; };
    const chs = rhs ? recvOperand(c, rhs) : null;
    if (chs === null) return gs(g);
    const S = c.S;
    // `x op= <-ch` (e.g. a running sum): a generator only when the receive has to wait.
    function* park(fr: Frame, ch: Channel | null): Gen<R> {
      const b = ch === null ? yield* chanRecv(S, ch) : yield* ch.recvWait();
      st(fr, f(ld(fr), b));
      return undefined;
    }
    return {
      s: null, g,
      f: (fr) => {
        const ch = chs(fr) as Channel | null;
        if (ch === null || !ch.tryRecv()) return park(fr, ch);
        st(fr, f(ld(fr), ch.got));
        return undefined;
      },
    };
  }
  // General target: take its address once, then load, combine and store through it.
  const ref = refOf(c, lhs);
  return mapS2(seqE([ref, y], (v) => v), (_fr, v) => {
    const [r, b] = v as [{ load(): unknown; store(x: unknown): void }, unknown];
    r.store(f(r.load(), b));
  });
}

/**
 * `v := <-ch`, `v, ok = <-ch` and the like, into plain names from a channel in a plain name
 * (the forms nearly every receive takes): null for any other assignment. Like a send, it finishes
 * synchronously when a value is ready, and hands back a generator only when it must wait.
 */
function recvAssign(c: Compiler, s: ast.AssignStmt): S | null {
  if ((s.op !== ':=' && s.op !== '=') || s.rhs.length !== 1 || s.lhs.length > 2) return null;
  if (!s.lhs.every((l) => l.kind === 'Ident')) return null;
  const chs = recvOperand(c, s.rhs[0]!);
  if (chs === null) return null;
  const recvT = c.typeOf(unparen(s.rhs[0]!));
  const srcTypes: Type[] = [recvT, boolT];
  const stores = (s.lhs as ast.Ident[]).map((n, i): ((fr: Frame, v: unknown) => void) | null => {
    if (n.name === '_') return null;
    const v = s.op === ':=' ? (c.info.defs.get(n.id) as Var | undefined) : undefined;
    const o = v ?? c.obj(n);
    if (!o || o.tag !== 'Var') return null;
    const st = v ? c.initVar(v) : c.storeVar(o);
    const conv = convertFn(srcTypes[i]!, o.type);
    return conv === null ? st : (fr, x) => st(fr, conv(x));
  });
  const sv = stores[0] ?? null, sok = stores[1] ?? null;
  return recvStmt(c, chs, (fr, ch) => {
    if (sv !== null) sv(fr, ch.got);
    if (sok !== null) sok(fr, ch.gotOk);
  });
}

/**
 * A receive statement from the channel `chs` reads, `done` taking the value from the channel
 * (got, gotOk) once received: synchronous when a value is ready, a generator when it must wait.
 */
function recvStmt(c: Compiler, chs: SyncE, done: ((fr: Frame, ch: Channel) => void) | null): S {
  const S = c.S;
  function* wait(fr: Frame, ch: Channel | null): Gen<R> {
    if (ch === null) {
      yield* chanRecv(S, ch); // blocks forever
      return undefined;
    }
    yield* ch.recvWait();
    if (done !== null) done(fr, ch);
    return undefined;
  }
  return {
    s: null,
    g: function* (fr) {
      const ch = chs(fr) as Channel | null;
      if (ch === null || !ch.tryRecv()) return yield* wait(fr, ch);
      if (done !== null) done(fr, ch);
      return undefined;
    },
    f: (fr) => {
      const ch = chs(fr) as Channel | null;
      if (ch === null || !ch.tryRecv()) return wait(fr, ch);
      if (done !== null) done(fr, ch);
      return undefined;
    },
  };
}

/**
 * The channel operand of `<-x` when x is a plain variable, else null: compiled a second time
 * here, which only something as simple as a name is sure to allow.
 */
function recvOperand(c: Compiler, e: ast.Expr): SyncE | null {
  const u = unparen(e);
  if (u.kind !== 'UnaryExpr' || u.op !== '<-') return null;
  const x = unparen(u.x);
  return x.kind === 'Ident' ? expr(c, x).s : null;
}

/** A load/store handle on an lvalue, its operands evaluated now. */
function refOf(c: Compiler, lhs: ast.Expr): E {
  if (lhs.kind === 'IndexExpr') {
    const xt = under(c.typeOf(lhs.x));
    if (xt.tag === 'Map') {
      const kf = mapKeyFn(xt.key);
      const z = zeroOf(xt.elem);
      const S = c.S, bytes = entryCost(xt);
      return seqE([expr(c, lhs.x), exprTo(c, lhs.index, xt.key)], (v) => {
        const m = v[0] as MapValue | null, k = v[1];
        const key = kf(k);
        return {
          load: () => (m === null ? z() : (m.get(key)?.[1] ?? z())),
          store: (x: unknown) => { if (m === null) nilMapWrite(); setEntry(S, bytes, m, key, k, x); },
        };
      });
    }
  }
  return addrOf(c, lhs);
}
import { addressOf as addrOf } from './expr.ts';

/**
 * m[k] = v, a new entry counted against the memory budget as it is added (an update costs
 * nothing; telling the two apart by the size saves a second lookup of the key).
 */
function setEntry(S: Scheduler, bytes: number, m: MapValue, key: unknown, k: unknown, v: unknown): void {
  const n = m.size;
  m.set(key, [k, v]);
  if (m.size !== n) S.alloc(bytes);
}

function returnStmt(c: Compiler, s: ast.ReturnStmt): S {
  const fn = c.fn;
  if (s.results.length === 0) return ss(() => RETURN);
  const slots = fn.resultSlots;
  const boxed = fn.resultVars.map((v) => (v ? c.isBoxed(v) : false));
  const n = slots.length;
  if (n === 1 && s.results.length === 1) {
    const x = exprTo(c, s.results[0]!, fn.resultTypes[0]!);
    const slot = slots[0]!;
    const b = boxed[0]!;
    if (x.s !== null) {
      const xs = x.s;
      return b ? ss((fr) => { (fr.s[slot] as Box).v = xs(fr); return RETURN; }) : ss((fr) => { fr.s[slot] = xs(fr); return RETURN; });
    }
    const xg = x.g;
    return gs(function* (fr) {
      const v = yield* xg(fr);
      if (b) (fr.s[slot] as Box).v = v; else fr.s[slot] = v;
      return RETURN;
    });
  }
  // Compiled only here: a result compiled twice would double the work at every level of nested
  // function literals returning each other.
  const vg = rhsValues(c, fn.resultTypes, s.results).g;
  return gs(function* (fr) {
    const xs = (yield* vg(fr)) as unknown[];
    for (let i = 0; i < n; i++) { if (boxed[i]) (fr.s[slots[i]!] as Box).v = xs[i]; else fr.s[slots[i]!] = xs[i]; }
    return RETURN;
  });
}

// ------------------------------------------------------------------ control flow

export type { GoInt };
