// Control flow: if, for and range loops (with Go 1.22 per-iteration variables and preemption at
// back-edges), switch, type switch and select.
import type * as ast from '../syntax/ast.ts';
import type { Type } from '../types/types.ts';
import type { SliceValue, Iface } from '../runtime/values.ts';
import { decodeRune } from '../runtime/values.ts';
import { PREEMPT, handOff } from '../runtime/calling.ts';
import { Frame, FuncInfo } from '../runtime/goroutine.ts';
import { under, isInterface } from '../types/predicates.ts';
import { Box, MapValue, equalFn, toNumber } from '../runtime/ops.ts';
import { POINTER } from '../runtime/memory.ts';
import { Channel } from '../runtime/chan.ts';
import { GoPanic } from '../runtime/panic.ts';
import { takeReady, taken, select, type SelectCase } from '../runtime/select.ts';
import { sy, ss, gs, starter, pending, Ctl, FALLTHROUGH, type E, type S, type R, type Gen, type SyncS, type GenS } from './code.ts';
import { CALL } from '../runtime/calling.ts';
import type { GoFunc } from '../runtime/native.ts';
import { nilDeref, runtimeErrorPanic } from '../runtime/rterror.ts';
import type { Compiler } from './compiler.ts';
import { expr, exprTo, convertE, loadPtr, typeMatches } from './expr.ts';
import { stmt, stmtList, compileBlock, store, unparen } from './stmt.ts';

export function ifStmt(c: Compiler, s: ast.IfStmt): S {
  const init = s.init ? stmt(c, s.init) : null;
  const cond = expr(c, s.cond);
  const then = compileBlock(c, s.body);
  const els = s.else_ ? stmt(c, s.else_) : null;
  if (cond.s !== null && then.s !== null && (init === null || init.s !== null) && (els === null || els.s !== null)) {
    const cs = cond.s, ts = then.s, is = init?.s ?? null, es = els?.s ?? null;
    return ss((fr) => {
      if (is !== null) is(fr);
      if (cs(fr)) return ts(fr);
      return es !== null ? es(fr) : undefined;
    });
  }
  const cg = cond.g, tg = then.g, cs = cond.s;
  const tl = then.line ?? 0, el = els?.line ?? 0;
  return gs(function* (fr) {
    if (init !== null) yield* init.g(fr);
    // cond.s when there is one: cond.g would be a wrapper generator per execution.
    if (cs !== null ? cs(fr) : yield* cg(fr)) { if (tl) fr.line = tl; return yield* tg(fr); }
    if (els === null) return undefined;
    if (el) fr.line = el;
    return yield* els.g(fr);
  });
}

/** Variables declared by a loop's init statement that closures capture: copied per iteration. */
function loopVars(c: Compiler, init: ast.Stmt | null): number[] {
  if (!init || init.kind !== 'AssignStmt' || init.op !== ':=') return [];
  const out: number[] = [];
  for (const l of init.lhs) {
    const v = c.info.defs.get(l.id);
    if (v && v.tag === 'Var' && c.isBoxed(v)) out.push(c.slotOf(v));
  }
  return out;
}

// Loops run their iterations in a plain function, a loop's `step`, rather than in a generator.
// Until V8 has optimized the hot loops of a program, a short run's speed is theirs, and V8
// optimizes a generator about three times slower than a plain function. A step runs
// iterations until one cannot go on synchronously, and says why (Step); only then does the
// loop need a generator (loopGen), which takes over and calls step again once it can go on.
// A loop that ends within its quantum (an inner loop, mostly) never makes a generator at all.

/** Why a step returned: the loop ended, the quantum ran out, or (range over a channel) the receive must wait. */
const LOOP_DONE = 1, LOOP_PREEMPT = 2, LOOP_WAIT = 3;
/** Where step resumes: at the start of an iteration, after its body, or after the receive waited. */
const AT_START = 0, BODY_DONE = 1, RECEIVED = 2;
/** A step's result: one of the LOOP_ signals, a Ctl leaving the loop, or the generator of a body that must wait. */
type Step = typeof LOOP_DONE | typeof LOOP_PREEMPT | typeof LOOP_WAIT | Ctl | Gen<R>;
type StepFn<T> = (fr: Frame, resume: number, st: T) => Step;

/** A loop body's result: undefined to go on, LOOP_DONE for a break out of this loop, else a Ctl to pass on. */
function loopCtl(r: Ctl, label: string | null): Ctl | typeof LOOP_DONE | undefined {
  if (r.kind === 'break' && (r.label === null || r.label === label)) return LOOP_DONE;
  if (r.kind === 'continue' && (r.label === null || r.label === label)) return undefined;
  return r;
}

/**
 * One iteration's body, for a step: undefined to go on with the loop, else what the step
 * returns (the body's generator when it must wait, LOOP_DONE for a break, a Ctl to pass on).
 */
function runBody(fr: Frame, bl: number, run: (fr: Frame) => R | Gen<R>, label: string | null): Step | undefined {
  if (bl) fr.line = bl;
  const q = run(fr);
  if (q === undefined) return undefined;
  if (pending(q)) return q;
  return loopCtl(q, label);
}

/** Takes over a loop from a step's result `x`; `st` is the loop's state (a range's channel or cursor). */
function* loopGen<T>(fr: Frame, x: Step, step: StepFn<T>, st: T, label: string | null): Gen<R> {
  for (;;) {
    let resume = AT_START;
    if (x === LOOP_DONE) return undefined;
    if (x === LOOP_PREEMPT) yield PREEMPT;
    else if (x === LOOP_WAIT) { yield* (st as Channel).recvWait(); resume = RECEIVED; }
    else if (x instanceof Ctl) return x;
    else {
      // The body is about to park: on top of the goroutine's stack, not beneath this generator.
      const r = (yield handOff(x)) as R;
      if (r !== undefined) {
        const c = loopCtl(r, label);
        if (c === LOOP_DONE) return undefined;
        if (c !== undefined) return c;
      }
      resume = BODY_DONE;
    }
    x = step(fr, resume, st);
  }
}

/** A loop statement from its step: `start` sets the loop up and returns its state (null: a nil channel, which blocks forever). */
function stepLoop<T>(
  S: Compiler['S'], label: string | null, step: StepFn<T>,
  startS: ((fr: Frame) => T | null) | null, startG: (fr: Frame) => Gen<T | null>,
): S {
  const finish = (fr: Frame, st: T | null): R | Gen<R> => {
    if (st === null) return parkForever(S, fr);
    const x = step(fr, AT_START, st);
    if (x === LOOP_DONE) return undefined;
    if (x instanceof Ctl) return x;
    return loopGen(fr, x, step, st, label);
  };
  return {
    s: null,
    g: function* (fr) {
      const st = yield* startG(fr);
      const q = finish(fr, st);
      return q === undefined || q instanceof Ctl ? q : yield* q;
    },
    f: startS === null ? undefined : (fr) => finish(fr, startS(fr)),
  };
}

/** Ranging over a nil channel blocks forever. */
function* parkForever(S: Compiler['S'], _fr: Frame): Gen<R> {
  yield* S.park('chan receive (nil chan)', null);
  return undefined;
}

const NO_ELEMS: unknown[] = [];

/** Where a range over an integer, slice or array is: index i of n, over arr from off. */
class Cursor {
  i = 0;
  constructor(readonly n: number, readonly arr: unknown[], readonly off: number) {}
}

export function forStmt(c: Compiler, s: ast.ForStmt): S {
  const label = c.pendingLabel; c.pendingLabel = null;
  const init = s.init ? stmt(c, s.init) : null;
  const perIter = loopVars(c, s.init);
  const cond = s.cond ? expr(c, s.cond) : null;
  const post = s.post ? stmt(c, s.post) : null;
  const body = compileBlock(c, s.body);
  const S = c.S;
  const cs = cond?.s ?? null, ps = post?.s ?? null;
  const bl = body.line ?? 0;
  const run = starter(body);
  if ((cond === null || cs !== null) && (post === null || ps !== null)) {
    const step: StepFn<true> = (fr, resume) => {
      for (;;) {
        if (resume !== BODY_DONE) {
          if (cs !== null && !cs(fr)) return LOOP_DONE;
          const x = runBody(fr, bl, run, label);
          if (x !== undefined) return x;
        }
        resume = AT_START;
        for (let i = 0; i < perIter.length; i++) { S.alloc(POINTER); fr.s[perIter[i]!] = new Box((fr.s[perIter[i]!] as Box).v); }
        if (ps !== null) ps(fr);
        if (++S.steps >= S.preemptAt) return LOOP_PREEMPT;
      }
    };
    const is = init === null ? null : init.s;
    return stepLoop<true>(S, label, step,
      init === null ? () => true : is === null ? null : (fr) => { is(fr); return true; },
      function* (fr) { if (init !== null) yield* init.g(fr); return true; });
  }
  // A condition or post statement that can block (a receive, a call): the general loop.
  return gs(function* (fr) {
    if (init !== null) yield* init.g(fr);
    for (;;) {
      // The sync forms where they exist: cond.g and post.g would cost a wrapper generator each pass.
      if (cond !== null && !(cs !== null ? cs(fr) : yield* cond.g(fr))) break;
      if (bl) fr.line = bl;
      const q = run(fr);
      const r: R = q === undefined ? undefined : pending(q) ? yield* q : q;
      if (r !== undefined) {
        if (r.kind === 'break' && (r.label === null || r.label === label)) break;
        if (!(r.kind === 'continue' && (r.label === null || r.label === label))) return r;
      }
      for (let i = 0; i < perIter.length; i++) { S.alloc(POINTER); fr.s[perIter[i]!] = new Box((fr.s[perIter[i]!] as Box).v); }
      if (ps !== null) ps(fr);
      else if (post !== null) yield* post.g(fr);
      if (++S.steps >= S.preemptAt) yield PREEMPT;
    }
    return undefined;
  });
}

export function rangeStmt(c: Compiler, s: ast.RangeStmt): S {
  const label = c.pendingLabel; c.pendingLabel = null;
  const line = s.pos.line;
  const xT = c.typeOf(s.x);
  const u = under(xT);
  const x = expr(c, s.x);
  const S = c.S;
  // Per-iteration variables (`:=`) or assignment to existing ones (`=`).
  const bind = (e: ast.Expr | null): ((fr: Frame, v: unknown) => void) | null => {
    if (!e || (e.kind === 'Ident' && e.name === '_')) return null;
    if (s.tok === ':=') {
      const v = c.info.defs.get(e.id);
      return v && v.tag === 'Var' ? c.initVar(v) : null;
    }
    const st = store(c, e);
    if (st.s === null) throw new Error('gosim: range assignment target too complex');
    return st.s;
  };
  const kb = bind(s.key);
  const vb = bind(s.value);
  // A new plain local as the key: hot loops (range over a channel) store it in place.
  let kSlot = -1;
  if (kb !== null && s.tok === ':=' && s.key!.kind === 'Ident') {
    const v = c.info.defs.get(s.key!.id);
    if (v && v.tag === 'Var') kSlot = c.directSlot(v) ?? -1;
  }
  const body = compileBlock(c, s.body);
  const bl = body.line ?? 0;
  const run = starter(body);
  // Each loop form below runs its body inline rather than through a shared generator, which
  // would cost a generator per iteration: `run` starts it synchronously where it can, and only
  // a body that must park hands back a generator; loopCtl then says what its result means.
  const xg = x.g;
  // The step of a range over an integer (no value) or over a slice's or array's elements.
  const indexStep = (withValue: boolean): StepFn<Cursor> => (fr, resume, cur) => {
    for (;;) {
      if (resume !== BODY_DONE) {
        const i = cur.i;
        if (i >= cur.n) return LOOP_DONE;
        if (kb) kb(fr, i);
        if (withValue && vb) vb(fr, cur.arr[cur.off + i]);
        const x = runBody(fr, bl, run, label);
        if (x !== undefined) return x;
      }
      resume = AT_START;
      cur.i++;
      if (++S.steps >= S.preemptAt) return LOOP_PREEMPT;
    }
  };
  switch (u.tag) {
    case 'Basic': {
      if (u.kind === 'string' || u.kind === 'untyped string') {
        return gs(function* (fr) {
          const str = (yield* xg(fr)) as string;
          for (let i = 0; i < str.length;) {
            const [rn, n] = decodeRune(str, i);
            if (kb) kb(fr, i);
            if (vb) vb(fr, rn);
            i += n;
            if (bl) fr.line = bl;
            const q = run(fr);
            const r: R = q === undefined ? undefined : pending(q) ? yield* q : q;
            if (r !== undefined) { const res = loopCtl(r, label); if (res === LOOP_DONE) break; if (res !== undefined) return res; }
            if (++S.steps >= S.preemptAt) yield PREEMPT;
          }
          return undefined;
        });
      }
      // range over an integer
      const xs = x.s;
      return stepLoop<Cursor>(S, label, indexStep(false),
        xs === null ? null : (fr) => new Cursor(toNumber(xs(fr)), NO_ELEMS, 0),
        function* (fr) { return new Cursor(toNumber(yield* xg(fr)), NO_ELEMS, 0); });
    }
    case 'Slice': case 'Array': case 'Pointer': {
      const kind = u.tag;
      const cursor = (v: unknown): Cursor => {
        if (kind === 'Slice') { const sv = v as SliceValue | null; return sv ? new Cursor(sv.len, sv.arr, sv.off) : new Cursor(0, NO_ELEMS, 0); }
        // Ranging over an array value ranges over a copy, as in Go (it matters when the body writes to the array).
        const arr = kind === 'Array' ? (vb ? (v as unknown[]).slice() : (v as unknown[])) : (loadPtr(v) as unknown[]);
        return new Cursor(arr.length, arr, 0);
      };
      const xs = x.s;
      return stepLoop<Cursor>(S, label, indexStep(true),
        xs === null ? null : (fr) => cursor(xs(fr)),
        function* (fr) { return cursor(yield* xg(fr)); });
    }
    case 'Map': {
      return gs(function* (fr) {
        const m = (yield* xg(fr)) as MapValue | null;
        if (m === null || m.size === 0) return undefined;
        const keys = [...m.keys()];
        const start = Math.floor(S.random() * keys.length);
        for (let j = 0; j < keys.length; j++) {
          const ent = m.get(keys[(start + j) % keys.length]);
          if (ent === undefined) continue;
          if (kb) kb(fr, ent[0]);
          if (vb) vb(fr, ent[1]);
          if (bl) fr.line = bl;
          const q = run(fr);
          const r: R = q === undefined ? undefined : pending(q) ? yield* q : q;
          if (r !== undefined) { const res = loopCtl(r, label); if (res === LOOP_DONE) break; if (res !== undefined) return res; }
          if (++S.steps >= S.preemptAt) yield PREEMPT;
        }
        return undefined;
      });
    }
    case 'Chan': {
      const step: StepFn<Channel> = (fr, resume, ch) => {
        for (;;) {
          if (resume !== BODY_DONE) {
            if (resume !== RECEIVED) {
              fr.line = line;
              if (!ch.tryRecv()) return LOOP_WAIT;
            }
            if (!ch.gotOk) return LOOP_DONE;
            if (kSlot >= 0) fr.s[kSlot] = ch.got;
            else if (kb) kb(fr, ch.got);
            const x = runBody(fr, bl, run, label);
            if (x !== undefined) return x;
          }
          resume = AT_START;
          if (++S.steps >= S.preemptAt) return LOOP_PREEMPT;
        }
      };
      const xs = x.s;
      // A nil channel (null) blocks forever, at the range statement's line.
      return stepLoop<Channel>(S, label, step,
        xs === null ? null : (fr) => { const ch = xs(fr) as Channel | null; if (ch === null) fr.line = line; return ch; },
        function* (fr) { const ch = (yield* xg(fr)) as Channel | null; if (ch === null) fr.line = line; return ch; });
    }
    case 'Signature': return rangeFunc(c, label, line, x, kb, vb, body.s, body.g, bl);
    default: throw new Error(`gosim: cannot range over ${u.tag}`);
  }
}

/**
 * Range over a function iterator (Go 1.23): the body becomes the yield function, run in the
 * enclosing function's frame so its variables, results and defers are the enclosing function's.
 * A return, goto or branch to an outer label cannot leave the iterator directly: yield returns
 * false, and the pending control flow takes effect once the iterator has returned.
 */
function rangeFunc(
  c: Compiler, label: string | null, line: number, x: E,
  kb: ((fr: Frame, v: unknown) => void) | null, vb: ((fr: Frame, v: unknown) => void) | null,
  bs: SyncS | null, bg: GenS, bl: number,
): S {
  const S = c.S;
  const xg = x.g;
  const fc = c.fn;
  // gc's name for the body's function, which tracebacks show between the iterator and its caller.
  const info = new FuncInfo(`${fc.name}-range${++fc.ranges}`, c.path, true, line);
  return gs(function* (fr) {
    const f = (yield* xg(fr)) as GoFunc | null;
    // 0 while the loop runs, 1 once the body asked to stop, 2 once the iterator has returned,
    // 3 once the body panicked.
    let state = 0;
    let pending: R = undefined;
    const yieldFn: GoFunc = function* (...args: unknown[]) {
      const g = S.current;
      const top = g.top;
      // The body's own frame shares the enclosing function's slots (its variables and results)
      // and deferred calls, which run when the enclosing function returns.
      const bf = new Frame(info, top, top === null ? 1 : top.depth + 1, fr.s);
      if (fc.hasDefer) bf.defers = fr.defers ??= [];
      bf.line = line;
      g.top = bf;
      // Go's wording, so a misbehaving iterator fails the same way it would under gc.
      if (state === 1) throw runtimeErrorPanic('range function continued iteration after function for loop body returned false');
      if (state === 2) throw runtimeErrorPanic('range function continued iteration after whole loop exit');
      if (state === 3) throw runtimeErrorPanic('range function continued iteration after loop body panic');
      if (kb) kb(bf, args[0]);
      if (vb) vb(bf, args[1]);
      if (bl) bf.line = bl;
      let r: R;
      try {
        r = bs !== null ? bs(bf) : yield* bg(bf);
      } catch (e) {
        // Remembered so that an iterator which swallows the panic fails as under gc.
        if (e instanceof GoPanic) state = 3;
        throw e;
      }
      g.top = top;
      if (++S.steps >= S.preemptAt) yield PREEMPT;
      if (r === undefined || (r.kind === 'continue' && (r.label === null || r.label === label))) return true;
      state = 1;
      if (!(r.kind === 'break' && (r.label === null || r.label === label))) pending = r;
      return false;
    };
    if (f === null) throw nilDeref();
    fr.line = line;
    CALL.fn = f; CALL.args = [yieldFn];
    yield CALL;
    if (state === 3) throw runtimeErrorPanic('range function recovered a loop body panic and did not resume panicking');
    state = 2;
    return pending;
  });
}

export function switchStmt(c: Compiler, s: ast.SwitchStmt): S {
  const label = c.pendingLabel; c.pendingLabel = null;
  const init = s.init ? stmt(c, s.init) : null;
  const tagT: Type | null = s.tag ? c.typeOf(s.tag) : null;
  const tag = s.tag ? expr(c, s.tag) : sy(() => true);
  const clauses = s.body.map((cl) => ({
    exprs: cl.list.map((e) => (tagT ? matchE(c, e, tagT) : expr(c, e))),
    eq: tagT ? equalFn(tagT) : (a: unknown, b: unknown) => a === b,
    body: stmtList(c, cl.body),
    isDefault: cl.list.length === 0,
  }));
  const tg = tag.g, ts = tag.s;
  return gs(function* (fr) {
    if (init !== null) yield* init.g(fr);
    const v = ts !== null ? ts(fr) : yield* tg(fr);
    let chosen = -1;
    outer: for (let i = 0; i < clauses.length; i++) {
      const cl = clauses[i]!;
      for (const e of cl.exprs) {
        const w = e.s !== null ? e.s(fr) : yield* e.g(fr);
        if (cl.eq(v, w)) { chosen = i; break outer; }
      }
    }
    if (chosen < 0) chosen = clauses.findIndex((cl) => cl.isDefault);
    while (chosen >= 0 && chosen < clauses.length) {
      const b = clauses[chosen]!.body;
      if (b.line) fr.line = b.line;
      const r = b.s !== null ? b.s(fr) : yield* b.g(fr);
      if (r === FALLTHROUGH) { chosen++; continue; }
      if (r !== undefined && r.kind === 'break' && (r.label === null || r.label === label)) return undefined;
      return r;
    }
    return undefined;
  });
}

function matchE(c: Compiler, e: ast.Expr, tagT: Type): E {
  const et = c.typeOf(e);
  if (isInterface(tagT) && !isInterface(et)) return convertE(expr(c, e), et, tagT);
  return expr(c, e);
}

export function typeSwitch(c: Compiler, s: ast.TypeSwitchStmt): S {
  const label = c.pendingLabel; c.pendingLabel = null;
  const init = s.init ? stmt(c, s.init) : null;
  const assignX = s.assign.kind === 'AssignStmt' ? s.assign.rhs[0]! : (s.assign as ast.ExprStmt).x;
  const ta = unparen(assignX) as ast.TypeAssertExpr;
  const x = expr(c, ta.x);
  const clauses = s.body.map((cl) => {
    const types = cl.list.map((e) => {
      const u = unparen(e);
      if (u.kind === 'Ident' && c.obj(u)?.tag === 'Nil') return null;
      return c.typeOfTypeExpr(e);
    });
    const v = c.info.implicits.get(cl.id) ?? null;
    const bindV = v ? c.initVar(v) : null;
    const single = types.length === 1 && types[0] !== null && !isInterface(types[0]!);
    return { types, bindV, single, body: stmtList(c, cl.body), isDefault: cl.list.length === 0 };
  });
  const xg = x.g, xs = x.s;
  return gs(function* (fr) {
    if (init !== null) yield* init.g(fr);
    const v = (xs !== null ? xs(fr) : yield* xg(fr)) as Iface | null;
    let chosen = -1;
    for (let i = 0; i < clauses.length && chosen < 0; i++) {
      for (const T of clauses[i]!.types) {
        if (T === null ? v === null : v !== null && typeMatches(v.t, T)) { chosen = i; break; }
      }
    }
    if (chosen < 0) chosen = clauses.findIndex((cl) => cl.isDefault);
    if (chosen < 0) return undefined;
    const cl = clauses[chosen]!;
    if (cl.bindV) cl.bindV(fr, cl.single ? v!.v : v);
    if (cl.body.line) fr.line = cl.body.line;
    const r = cl.body.s !== null ? cl.body.s(fr) : yield* cl.body.g(fr);
    if (r !== undefined && r.kind === 'break' && (r.label === null || r.label === label)) return undefined;
    return r;
  });
}

export function selectStmt(c: Compiler, s: ast.SelectStmt): S {
  const label = c.pendingLabel; c.pendingLabel = null;
  const S = c.S;
  let hasDefault = false;
  let defaultBody: S | null = null;
  const cases: { ch: E; send: boolean; value: E | null; bind: ((fr: Frame, v: unknown, ok: boolean) => void) | null; body: S }[] = [];
  for (const cl of s.body) {
    if (cl.comm === null) { hasDefault = true; defaultBody = stmtList(c, cl.body); continue; }
    const comm = cl.comm;
    if (comm.kind === 'SendStmt') {
      const chT = under(c.typeOf(comm.chan)) as import('../types/types.ts').Chan;
      cases.push({ ch: expr(c, comm.chan), send: true, value: exprTo(c, comm.value, chT.elem), bind: null, body: stmtList(c, cl.body) });
      continue;
    }
    let recvExpr: ast.Expr;
    let bind: ((fr: Frame, v: unknown, ok: boolean) => void) | null = null;
    if (comm.kind === 'ExprStmt') recvExpr = comm.x;
    else if (comm.kind === 'AssignStmt') {
      recvExpr = comm.rhs[0]!;
      const targets = comm.lhs.map((l) => {
        if (l.kind === 'Ident' && l.name === '_') return null;
        if (comm.op === ':=') { const v = c.info.defs.get(l.id); return v && v.tag === 'Var' ? c.initVar(v) : null; }
        const st = store(c, l);
        return st.s;
      });
      bind = (fr, v, ok) => { if (targets[0]) targets[0](fr, v); if (targets[1]) targets[1](fr, ok); };
    } else throw new Error('gosim: bad select case');
    const re = unparen(recvExpr) as ast.UnaryExpr;
    cases.push({ ch: expr(c, re.x), send: false, value: null, bind, body: stmtList(c, cl.body) });
  }
  const n = cases.length;
  // A one-case select is the plain channel operation, reported at the case's line; any other
  // waits at the select keyword (its operands' calls may have moved the frame's line).
  const waitLine = n === 1 && !hasDefault ? s.body[0]!.pos.line : s.pos.line;
  const fix = (r: R) => (r !== undefined && r.kind === 'break' && (r.label === null || r.label === label) ? undefined : r);
  const g = function* (fr: Frame): Gen<R> {
    const sc: SelectCase[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const k = cases[i]!;
      const ch = (k.ch.s !== null ? k.ch.s(fr) : yield* k.ch.g(fr)) as Channel | null;
      const value = k.value ? (k.value.s !== null ? k.value.s(fr) : yield* k.value.g(fr)) : undefined;
      sc[i] = { ch, send: k.send, value };
    }
    fr.line = waitLine;
    return yield* slow(fr, sc);
  };
  if (!cases.every((k) => k.ch.s !== null && (k.value === null || k.value.s !== null))) return gs(g);
  // Fast path for a select in a hot loop: when a case is ready it is taken without the runtime's
  // select generator (nor this statement's), by runtime/select.ts's own takeReady; only when
  // nothing is ready (or explore mode wants a switch first) does it go through select().
  function* slow(fr: Frame, sc: SelectCase[], entered = false): Gen<R> {
    const res = yield* select(S, sc, hasDefault, entered);
    if (res.index < 0) {
      if (defaultBody === null) return undefined;
      if (defaultBody.line) fr.line = defaultBody.line;
      return fix(defaultBody.s !== null ? defaultBody.s(fr) : yield* defaultBody.g(fr));
    }
    const k = cases[res.index]!;
    if (k.bind) k.bind(fr, res.value, res.ok);
    if (k.body.line) fr.line = k.body.line;
    return fix(k.body.s !== null ? k.body.s(fr) : yield* k.body.g(fr));
  }
  function* fixGen(x: Gen<R>): Gen<R> { return fix(yield* x); }
  const f = (fr: Frame): R | Gen<R> => {
    const sc: SelectCase[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const k = cases[i]!;
      sc[i] = { ch: k.ch.s!(fr) as Channel | null, send: k.send, value: k.value !== null ? k.value.s!(fr) : undefined };
    }
    fr.line = waitLine;
    const chosen = takeReady(S, sc, true, hasDefault);
    if (chosen < 0) return slow(fr, sc, chosen === -1);
    const k = cases[chosen]!;
    if (k.bind) k.bind(fr, taken.value, taken.ok);
    const b = k.body;
    if (b.line) fr.line = b.line;
    if (b.s !== null) return fix(b.s(fr));
    const y = b.f !== undefined ? b.f(fr) : b.g(fr);
    return pending(y) ? fixGen(y) : fix(y);
  };
  return { s: null, g, f };
}

