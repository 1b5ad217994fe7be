// The compiler: turns the checked syntax tree into JS closures once (never JS source text), with
// variables resolved to frame slots, so running a program does no name lookups. Expressions are
// in expr.ts, statements in stmt.ts; this file holds the shared state and function bodies.
import type * as ast from '../syntax/ast.ts';
import type { Info, Type, Var, Func, ConstValue, GoObject } from '../types/types.ts';
import { Signature } from '../types/types.ts';
import type { GoFunc } from '../runtime/native.ts';
import { FuncInfo, type Frame } from '../runtime/goroutine.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import { Box, isAggregate, zeroFn, copyAgg, copyInto, wrapAny, intKind } from '../runtime/ops.ts';
import { BIG_VALUE, POINTER, heapCost, valueCost } from '../runtime/memory.ts';
import { normInt } from '../runtime/values.ts';
import { under } from '../types/predicates.ts';
import type { Program } from '../runtime/program.ts';
import { analyze, type Escapes } from './scope.ts';
import { makeGoFunc, type FuncShape, type PlainFunc } from './func.ts';
import { startsQuietly } from './quiet.ts';
import { sy, slotE, type E, type S } from './code.ts';

/** Per-function compile state: slot numbers of its variables. */
export class FnCtx {
  readonly slots = new Map<Var, number>();
  n = 0;
  hasDefer = false;
  closures = 0;
  /** Range-over-func loops so far, numbering their bodies' functions as gc does. */
  ranges = 0;
  resultVars: (Var | null)[] = [];
  resultSlots: number[] = [];
  resultTypes: Type[] = [];
  constructor(readonly name: string, readonly parent: FnCtx | null) {}
  alloc(): number { return this.n++; }
}

/** A function of the program, filled in once compiled: calls compiled before that read it when they run. */
export interface FuncHolder {
  fn: GoFunc | null;
  /** Its plain version (plain.ts), if it has one. */
  plain: PlainFunc | null;
}

export class Compiler {
  readonly esc: Escapes;
  readonly globals = new Map<Var, Box>();
  readonly funcs = new Map<Func, FuncHolder>();
  /** The functions that have a plain version (plain.ts). */
  plain: ReadonlySet<Func> = new Set();
  /** Compiling the plain version of a function: its calls of plain functions are direct JS calls. */
  inPlain = false;
  fn!: FnCtx;
  /** Label of the statement being compiled next (for labeled loops). */
  pendingLabel: string | null = null;

  constructor(
    readonly file: ast.File,
    readonly info: Info,
    readonly prog: Program,
    readonly S: Scheduler,
    readonly path: string,
  ) {
    this.esc = analyze(file, info);
  }

  // ------------------------------------------------------------------ type helpers

  typeOf(e: ast.Expr): Type {
    const t = this.info.types.get(e.id);
    if (!t) throw new Error(`gosim: no type for expression at ${e.pos.line}:${e.pos.col}`);
    return t.type;
  }

  obj(id: ast.Ident): GoObject | null {
    return this.info.uses.get(id.id) ?? this.info.defs.get(id.id) ?? null;
  }

  isBoxed(v: Var): boolean { return v.captured && v.mutable && !isAggregate(v.type); }

  constValue(cv: ConstValue, t: Type): unknown {
    const u = under(t);
    const k = u.tag === 'Basic' ? u.kind : 'invalid';
    switch (cv.kind) {
      case 'bool': return cv.value;
      case 'string': return cv.value;
      case 'int': {
        if (k === 'float32') return Math.fround(Number(cv.value));
        if (k === 'float64' || k === 'untyped float') return Number(cv.value);
        if (k === 'complex64' || k === 'complex128') return { re: Number(cv.value), im: 0 };
        const ik = u.tag === 'Basic' ? intKind(u.kind) : null;
        return ik ? wrapAny(ik, cv.value) : normInt(cv.value);
      }
      case 'float': {
        const ik = u.tag === 'Basic' ? intKind(u.kind) : null;
        if (ik && k !== 'untyped int' && k !== 'untyped rune') return wrapAny(ik, Math.trunc(cv.value));
        if (k === 'complex64' || k === 'complex128') return { re: cv.value, im: 0 };
        // Constants have no negative zero.
        const x = cv.value === 0 ? 0 : cv.value;
        return k === 'float32' ? Math.fround(x) : x;
      }
      case 'complex': return { re: cv.re, im: cv.im };
    }
  }

  // ------------------------------------------------------------------ variables

  declare(v: Var): number {
    const s = this.fn.alloc();
    this.fn.slots.set(v, s);
    return s;
  }

  slotOf(v: Var): number {
    const s = this.fn.slots.get(v);
    if (s === undefined) throw new Error(`gosim: variable ${v.name} has no slot in ${this.fn.name}`);
    return s;
  }

  loadVar(v: Var): E {
    const gb = this.globals.get(v);
    if (gb) return sy(() => gb.v);
    const slot = this.slotOf(v);
    if (this.isBoxed(v)) return sy((fr) => (fr.s[slot] as Box).v);
    return slotE(slot);
  }

  /** Store into an existing variable (aggregates are copied in place). */
  storeVar(v: Var): (fr: Frame, x: unknown) => void {
    const gb = this.globals.get(v);
    const agg = isAggregate(v.type);
    if (gb) return agg ? (_fr, x) => copyInto(gb.v as unknown[], x as unknown[]) : (_fr, x) => { gb.v = x; };
    const slot = this.slotOf(v);
    if (agg) return (fr, x) => copyInto(fr.s[slot] as unknown[], x as unknown[]);
    if (this.isBoxed(v)) return (fr, x) => { (fr.s[slot] as Box).v = x; };
    return (fr, x) => { fr.s[slot] = x; };
  }

  /** The frame slot that holds v's value itself (a local neither boxed nor an aggregate), else undefined. */
  directSlot(v: Var): number | undefined {
    if (this.globals.has(v) || isAggregate(v.type) || this.isBoxed(v)) return undefined;
    return this.slotOf(v);
  }

  /**
   * Initialize a newly declared variable (a fresh Box per declaration: per-iteration capture).
   * A variable that a closure captures or `&` addresses outlives its statement, as one Go moves
   * to the heap: it is counted against the memory budget at each declaration.
   */
  initVar(v: Var): (fr: Frame, x: unknown) => void {
    const slot = this.declare(v);
    const S = this.S;
    if (isAggregate(v.type)) {
      if (!v.captured) return (fr, x) => { fr.s[slot] = copyAgg(x as unknown[]); };
      const bytes = heapCost(v.type);
      return (fr, x) => { S.alloc(bytes); fr.s[slot] = copyAgg(x as unknown[]); };
    }
    if (this.isBoxed(v)) return (fr, x) => { S.alloc(POINTER); fr.s[slot] = new Box(x); };
    return (fr, x) => { fr.s[slot] = x; };
  }

  // ------------------------------------------------------------------ functions

  funcHolder(f: Func): FuncHolder {
    let h = this.funcs.get(f);
    if (!h) { h = { fn: null, plain: null }; this.funcs.set(f, h); }
    return h;
  }

  /** Compile a function body into its shape; the caller turns it into GoFuncs. */
  compileBody(
    name: string,
    recv: ast.FieldList | null,
    type: ast.FuncType,
    body: ast.BlockStmt,
    caps: Var[],
    stmtBlock: (b: ast.BlockStmt) => S,
  ): FuncShape {
    const outer = this.fn;
    const fc = new FnCtx(name, outer ?? null);
    this.fn = fc;
    try {
      for (const v of caps) this.declare(v);
      const paramSlots: number[] = [];
      const paramBoxed: boolean[] = [];
      const addParams = (fl: ast.FieldList | null) => {
        if (!fl) return;
        for (const f of fl.list) {
          if (f.names.length === 0) { paramSlots.push(fc.alloc()); paramBoxed.push(false); continue; }
          for (const n of f.names) {
            const o = this.info.defs.get(n.id);
            if (o && o.tag === 'Var') { paramSlots.push(this.declare(o)); paramBoxed.push(this.isBoxed(o)); }
            else { paramSlots.push(fc.alloc()); paramBoxed.push(false); }
          }
        }
      };
      addParams(recv);
      addParams(type.params);
      const resultSlots: number[] = [];
      const resultBoxed: boolean[] = [];
      const resultZero: (() => unknown)[] = [];
      if (type.results) {
        for (const f of type.results.list) {
          const t = this.typeOfTypeExpr(f.type);
          const names = f.names.length ? f.names : [null];
          for (const n of names) {
            const o = n ? this.info.defs.get(n.id) : null;
            if (o && o.tag === 'Var') {
              resultSlots.push(this.declare(o)); resultBoxed.push(this.isBoxed(o)); fc.resultVars.push(o);
            } else {
              resultSlots.push(fc.alloc()); resultBoxed.push(false); fc.resultVars.push(null);
            }
            fc.resultTypes.push(t);
            resultZero.push(zeroFn(t));
          }
        }
      }
      fc.resultSlots = resultSlots;
      const b = stmtBlock(body);
      // Structs and arrays live in the frame's slots, uncounted; a frame holding big ones is
      // counted while the call lasts, or a recursion over a big local array could fill the heap.
      let frameBytes = 0;
      for (const [v, slot] of fc.slots) if (slot >= caps.length && isAggregate(v.type)) frameBytes += valueCost(v.type);
      return {
        info: new FuncInfo(name, this.path, paramSlots.length > 0, type.pos.line),
        nslots: fc.n, ncaps: caps.length, paramSlots, paramBoxed,
        resultSlots, resultBoxed, resultZero, hasDefer: fc.hasDefer, body: b,
        boxes: [...paramBoxed, ...resultBoxed].filter((x) => x).length * POINTER,
        frameBytes: frameBytes >= BIG_VALUE ? frameBytes : 0,
        quiet: this.S.explore !== null && startsQuietly(this, body, caps),
      };
    } finally {
      this.fn = outer;
    }
  }

  typeOfTypeExpr(e: ast.Expr): Type {
    const tv = this.info.types.get(e.id);
    if (tv) return tv.type;
    if (e.kind === 'Ident') {
      const o = this.obj(e);
      if (o && o.tag === 'TypeName') return o.type;
    }
    throw new Error(`gosim: unknown type expression at ${e.pos.line}:${e.pos.col}`);
  }

  makeFunc(sh: FuncShape, caps: unknown[] | null): GoFunc {
    return makeGoFunc(this.S, sh, caps);
  }

  signatureOf(e: ast.Expr): Signature | null {
    const t = under(this.typeOf(e));
    return t instanceof Signature ? t : null;
  }
}
