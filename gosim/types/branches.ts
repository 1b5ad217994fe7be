// Statements that choose: expression and type switches (with the per-clause variable),
// select with its comm clauses, and for-range over every rangeable type.
import type * as ast from '../syntax/ast.ts';
import { Var, type Interface, type Type } from './types.ts';
import { Typ, runeType } from './universe.ts';
import type { Checker } from './check.ts';
import { under, identical, isUntyped, isInteger, isBoolean, isString, isInterface, isValid, comparable } from './predicates.ts';
import { compareConst } from './constants.ts';
import { convertUntyped, operandString, recordOperand, type Operand } from './operand.ts';
import { assignment, implementsReason } from './assign.ts';
import { expr } from './expr.ts';
import { typExpr } from './typexpr.ts';
import { exprString } from './typestring.ts';
import { stmt, stmtList, block, lhsExpr, assignTarget, top, type Ctx } from './stmt.ts';

export function switchStmt(c: Checker, s: ast.SwitchStmt, ctx: Ctx): void {
  c.openScope();
  try {
    if (s.init) stmt(c, s.init, top);
    let tag: Operand | null = null;
    if (s.tag) {
      tag = expr(c, s.tag);
      if (tag.mode !== 'invalid') {
        assignment(c, tag, null, 'switch expression');
        if ((tag.mode as string) !== 'invalid' && !comparable(tag.type) && tag.type.tag !== 'Signature') {
          c.error(s.tag.pos, `cannot switch on ${operandString(c, tag)}`);
          tag = null;
        }
      }
    }
    let defaults = 0;
    const seen: { v: import('./types.ts').ConstValue; t: Type; pos: ast.Pos }[] = [];
    s.body.forEach((cl, i) => {
      if (cl.list.length === 0) {
        defaults++;
        if (defaults > 1) c.error(cl.pos, 'multiple defaults in switch');
      }
      for (const e of cl.list) {
        const x = expr(c, e);
        if (x.mode === 'invalid') continue;
        if (tag && tag.mode !== 'invalid') {
          caseValue(c, x, tag, e, s.tag!, seen);
        } else if (!s.tag) {
          if (isUntyped(x.type)) { convertUntyped(c, x, Typ.bool); recordOperand(c, x); }
          if (!isBoolean(x.type)) {
            c.error(e.pos, `invalid case ${exprString(e)} in switch (mismatched types ${c.typeStr(x.type)} and bool)`);
          } else if (x.mode === 'constant' && x.value) {
            dupCase(c, x, e, seen);
          }
        }
      }
      const last = i === s.body.length - 1;
      c.openScope();
      try { stmtList(c, cl.body, { ...ctx, breakOk: true, fallthroughOk: !last, finalSwitchCase: last }); } finally { c.closeScope(); }
    });
  } finally { c.closeScope(); }
}

function caseValue(c: Checker, x: Operand, tag: Operand, e: ast.Expr, tagExpr: ast.Expr, seen: { v: import('./types.ts').ConstValue; t: Type; pos: ast.Pos }[]): void {
  if (isUntyped(x.type)) {
    const r = convertUntyped(c, x, tag.type);
    if (r !== 'ok') {
      c.error(e.pos, `invalid case ${exprString(e)} in switch on ${exprString(tagExpr)} (mismatched types ${c.typeStr(x.type)} and ${c.typeStr(tag.type)})`);
      return;
    }
    recordOperand(c, x);
  }
  if (!identical(x.type, tag.type) && !(isInterface(tag.type) || isInterface(x.type))) {
    c.error(e.pos, `invalid case ${exprString(e)} in switch on ${exprString(tagExpr)} (mismatched types ${c.typeStr(x.type)} and ${c.typeStr(tag.type)})`);
    return;
  }
  if (x.mode === 'constant' && x.value) dupCase(c, x, e, seen);
}

function dupCase(c: Checker, x: Operand, e: ast.Expr, seen: { v: import('./types.ts').ConstValue; t: Type; pos: ast.Pos }[]): void {
  const prev = seen.find((p) => identical(p.t, x.type) && p.v.kind === x.value!.kind && compareConst('==', p.v, x.value!));
  if (prev) {
    c.error(e.pos, `duplicate case ${operandString(c, x)} in expression switch\n\t./${c.filename}:${prev.pos.line}:${prev.pos.col}: previous case`);
    return;
  }
  seen.push({ v: x.value!, t: x.type, pos: e.pos });
}

export function typeSwitchStmt(c: Checker, s: ast.TypeSwitchStmt, ctx: Ctx): void {
  c.openScope();
  try {
    if (s.init) stmt(c, s.init, top);
    let lhs: ast.Ident | null = null;
    let guard: ast.Expr;
    if (s.assign.kind === 'AssignStmt') {
      const l = s.assign.lhs[0];
      if (l && l.kind === 'Ident') lhs = l;
      guard = s.assign.rhs[0]!;
    } else guard = s.assign.x;
    if (guard.kind !== 'TypeAssertExpr') { c.error(guard.pos, 'invalid type switch guard'); return; }
    const x = expr(c, guard.x);
    if (x.mode === 'invalid') return;
    if (!isInterface(x.type)) {
      c.error(guard.x.pos, `${operandString(c, x)} is not an interface`);
      return;
    }
    c.record(guard, { mode: 'value', type: x.type });
    if (lhs && lhs.name === '_') {
      c.error(lhs.pos, 'no new variable on left side of :=');
      lhs = null;
    }
    if (lhs) c.def(lhs, new Var(lhs.name, x.type, lhs.pos, c.pkg));
    const implicits: Var[] = [];
    let defaults = 0;
    const seen: { t: Type | null; pos: ast.Pos }[] = [];
    s.body.forEach((cl) => {
      let single: Type | null = null;
      if (cl.list.length === 0) { defaults++; if (defaults > 1) c.error(cl.pos, 'multiple defaults in switch'); }
      for (const e of cl.list) {
        let T: Type | null;
        if (e.kind === 'Ident' && e.name === 'nil' && c.scope.lookup('nil')?.tag === 'Nil') {
          T = null;
          c.record(e, { mode: 'value', type: Typ.untypedNil });
          c.use(e, c.scope.lookup('nil')!);
        } else {
          T = typExpr(c, e);
          if (!isValid(T)) continue;
          if (!isInterface(T)) {
            const why = implementsReason(c, T, under(x.type) as Interface, x.type);
            const m = why && /\(([^()]*)\)$/.exec(why.split('\n')[0]!);
            if (why) c.error(e.pos, `impossible type switch case: ${exprString(e)}\n\t${operandString(c, x)} cannot have dynamic type ${c.typeStr(T)}${m ? ` (${m[1]})` : ''}`);
          }
        }
        const dup = seen.find((p) => (p.t === null && T === null) || (p.t && T && identical(p.t, T)));
        if (dup) c.error(e.pos, `duplicate case ${exprString(e)} in type switch\n\t./${c.filename}:${dup.pos.line}:${dup.pos.col}: previous case`);
        else seen.push({ t: T, pos: e.pos });
        single = T;
      }
      c.openScope();
      try {
        if (lhs) {
          // In a single-type clause the variable has that type, otherwise the switched interface's.
          const t = cl.list.length === 1 && single ? single : x.type;
          const v = new Var(lhs.name, t, lhs.pos, c.pkg);
          c.scope.names.set(lhs.name, v);
          c.info.implicits.set(cl.id, v);
          implicits.push(v);
        }
        stmtList(c, cl.body, { ...ctx, breakOk: true });
      } finally {
        if (lhs) { const v = implicits[implicits.length - 1]; if (v) { v.used = v.used || false; c.scope.names.delete(lhs.name); c.scope.names.set(' implicit', v); } }
        c.closeScope();
      }
    });
    if (lhs && !implicits.some((v) => v.used)) c.error(lhs.pos, `${lhs.name} declared and not used`);
    for (const v of implicits) v.used = v.used || !!lhs;
  } finally { c.closeScope(); }
}

export function selectStmt(c: Checker, s: ast.SelectStmt, ctx: Ctx): void {
  let defaults = 0;
  for (const cl of s.body) {
    c.openScope();
    try {
      const comm = cl.comm;
      if (!comm) { defaults++; if (defaults > 1) c.error(cl.pos, 'multiple defaults in select'); }
      else {
        let ok = false;
        if (comm.kind === 'SendStmt') ok = true;
        else if (comm.kind === 'ExprStmt') ok = isRecv(comm.x);
        else if (comm.kind === 'AssignStmt') ok = comm.rhs.length === 1 && isRecv(comm.rhs[0]!);
        if (!ok) c.error(comm.kind === 'ExprStmt' && comm.x.kind === 'BinaryExpr' ? comm.x.opPos : comm.pos, 'select case must be send or receive (possibly with assignment)');
        else stmt(c, comm, top);
      }
      stmtList(c, cl.body, { ...ctx, breakOk: true });
    } finally { c.closeScope(); }
  }
}

function isRecv(e: ast.Expr): boolean {
  while (e.kind === 'ParenExpr') e = e.x;
  return e.kind === 'UnaryExpr' && e.op === '<-';
}

export function rangeStmt(c: Checker, s: ast.RangeStmt, ctx: Ctx): void {
  c.openScope();
  try {
    const x = expr(c, s.x);
    let key: Type | null = null, val: Type | null = null;
    let maxVars = 2;
    if (x.mode !== 'invalid') {
      const u = under(x.type);
      if (isString(x.type)) {
        key = Typ.int; val = runeType;
        if (isUntyped(x.type)) { convertUntyped(c, x, Typ.string); recordOperand(c, x); }
      } else if (isInteger(x.type)) {
        if (isUntyped(x.type)) { convertUntyped(c, x, Typ.int); recordOperand(c, x); }
        key = x.type; maxVars = 1;
      } else if (u.tag === 'Array' || u.tag === 'Slice') { key = Typ.int; val = u.elem; }
      else if (u.tag === 'Pointer' && under(u.elem).tag === 'Array') { key = Typ.int; val = (under(u.elem) as { elem: Type }).elem; }
      else if (u.tag === 'Map') { key = u.key; val = u.elem; }
      else if (u.tag === 'Chan') {
        key = u.elem; maxVars = 1;
        if (u.dir === 'send') { c.error(s.x.pos, `invalid operation: range ${exprString(s.x)} receive from send-only channel ${c.typeStr(x.type)}`.replace(/^.*$/, `cannot range over ${operandString(c, x)}: receive from send-only channel`)); key = null; }
      } else if (u.tag === 'Signature') {
        // Range over an iterator: func(yield func(K, V) bool) gives K and V to the variables.
        // The shape is checked in go/types' order, each failure with its reason.
        const y = u.params.vars.length === 1 ? under(u.params.vars[0]!.type) : null;
        const r = y?.tag === 'Signature' && y.results.vars.length === 1 ? y.results.vars[0]!.type : null;
        const why = u.params.vars.length !== 1 ? 'wrong argument count'
          : u.results.vars.length !== 0 ? 'unexpected results'
          : y?.tag !== 'Signature' ? 'argument is not func'
          : y.params.vars.length > 2 ? 'yield func has too many parameters'
          : !r || !isBoolean(r) ? 'yield func does not return bool'
          : !identical(r, Typ.bool) ? 'yield func returns user-defined boolean, not bool'
          : null;
        if (why === null && y?.tag === 'Signature') {
          const ps = y.params.vars;
          key = ps[0]?.type ?? null; val = ps[1]?.type ?? null;
          maxVars = ps.length;
          if (ps.length === 0 && s.key) c.error(s.key.pos, `range over ${operandString(c, x)} permits no iteration variables`);
        } else {
          c.error(s.x.pos, `cannot range over ${operandString(c, x)}: func must be func(yield func(...) bool): ${why}`);
        }
      } else {
        c.error(s.x.pos, `cannot range over ${operandString(c, x)}`);
      }
      if (s.value && maxVars === 1 && key) {
        c.error(s.value.pos, `range over ${operandString(c, x)} permits only one iteration variable`);
      }
    }
    const lhs = [s.key, s.value];
    const types = [key, val];
    if (s.tok === ':=') {
      const vars: { id: ast.Ident; v: Var }[] = [];
      lhs.forEach((e, i) => {
        if (!e) return;
        if (e.kind !== 'Ident') { c.error(e.pos, `non-name ${exprString(e)} on left side of :=`); return; }
        const v = new Var(e.name, types[i] ?? Typ.invalid, e.pos, c.pkg);
        vars.push({ id: e, v });
        c.record(e, { mode: 'variable', type: v.type });
      });
      for (const { id, v } of vars) c.declare(c.scope, id, v);
    } else if (s.tok === '=') {
      lhs.forEach((e, i) => {
        if (!e) return;
        const l = lhsExpr(c, e);
        const t = types[i];
        if (l === 'blank' || !t) return;
        if (!assignTarget(c, e, l)) return;
        const fake: Operand = { mode: 'value', type: t, expr: e };
        assignment(c, fake, l.type, 'range clause'.replace('range clause', 'assignment'));
        recordOperand(c, l);
      });
    }
    block(c, s.body.list, { ...ctx, breakOk: true, continueOk: true });
  } finally { c.closeScope(); }
}

