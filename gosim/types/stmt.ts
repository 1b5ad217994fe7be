// Statements and function bodies (go/types' stmt.go, labels.go, return.go): scopes, the
// assignment forms, control flow, select and range, "missing return", labels, and
// "declared and not used".
import type * as ast from '../syntax/ast.ts';
import { Const, Signature, TypeName, Var, Named, type Type } from './types.ts';
import { Typ } from './universe.ts';
import type { Checker, Scope } from './check.ts';
import { under, isUntyped, isNumeric, isBoolean, isValid, defaultType } from './predicates.ts';
import { invalid, operandString, recordOperand, type Operand } from './operand.ts';
import { assignment, varDecl, constDecl, mismatch, isSingleCall } from './assign.ts';
import { expr, exprOrType, multiExpr, rawExpr } from './expr.ts';
import { typExpr } from './typexpr.ts';
import { switchStmt, typeSwitchStmt, selectStmt, rangeStmt } from './branches.ts';
import { isTerminatingList } from './terminating.ts';
import { exprString } from './typestring.ts';

export interface Ctx {
  breakOk: boolean;
  continueOk: boolean;
  fallthroughOk: boolean;
  finalSwitchCase: boolean;
}
export const top: Ctx = { breakOk: false, continueOk: false, fallthroughOk: false, finalSwitchCase: false };

/** Check a function or method body: parameters in scope, statements, missing return, unused variables. */
export function funcBody(c: Checker, sig: Signature, body: ast.BlockStmt, _type: ast.FuncType, _recv: ast.FieldList | null): void {
  const saved = { scope: c.scope, sig: c.funcSig, iota: c.iota };
  c.scope = c.pkgScope;
  const fscope = c.openScope(true);
  if (sig.recv && sig.recv.name && sig.recv.name !== '_') fscope.names.set(sig.recv.name, sig.recv);
  for (const v of [...sig.params.vars, ...sig.results.vars]) if (v.name && v.name !== '_') fscope.names.set(v.name, v);
  c.funcSig = sig;
  c.iota = null;
  try {
    bodyStmts(c, sig, body);
  } finally {
    c.scope = saved.scope; c.funcSig = saved.sig; c.iota = saved.iota;
  }
}

export function funcLitBody(c: Checker, sig: Signature, e: ast.FuncLit): void {
  const saved = { scope: c.scope, sig: c.funcSig, iota: c.iota };
  const fscope = c.openScope(true);
  for (const v of [...sig.params.vars, ...sig.results.vars]) if (v.name && v.name !== '_') fscope.names.set(v.name, v);
  c.funcSig = sig;
  c.iota = null;
  try {
    bodyStmts(c, sig, e.body);
  } finally {
    c.scope = saved.scope; c.funcSig = saved.sig; c.iota = saved.iota;
  }
}

function bodyStmts(c: Checker, sig: Signature, body: ast.BlockStmt): void {
  const fscope = c.scope;
  const labels = new Map<string, { stmt: ast.LabeledStmt; used: boolean }>();
  collectLabels(c, body.list, labels);
  c.labels.push(labels);
  try {
    stmtList(c, body.list, top);
  } finally {
    c.labels.pop();
  }
  for (const [name, l] of labels) if (!l.used) c.error(l.stmt.label.pos, `label ${name} defined and not used`);
  if (sig.results.vars.length && !isTerminatingList(body.list, '')) c.error(body.rbrace, 'missing return');
  usage(c, fscope);
}

function collectLabels(c: Checker, list: ast.Stmt[], out: Map<string, { stmt: ast.LabeledStmt; used: boolean }>): void {
  const walk = (s: ast.Stmt | null): void => {
    if (!s) return;
    switch (s.kind) {
      case 'LabeledStmt':
        if (s.label.name !== '_') {
          if (out.has(s.label.name)) c.error(s.label.pos, `label ${s.label.name} already defined`);
          else out.set(s.label.name, { stmt: s, used: false });
        }
        walk(s.stmt);
        break;
      case 'BlockStmt': s.list.forEach(walk); break;
      case 'IfStmt': walk(s.body); walk(s.else_); break;
      case 'ForStmt': case 'RangeStmt': walk(s.body); break;
      case 'SwitchStmt': case 'TypeSwitchStmt': s.body.forEach((cl) => cl.body.forEach(walk)); break;
      case 'SelectStmt': s.body.forEach((cl) => cl.body.forEach(walk)); break;
      default: break;
    }
  };
  list.forEach(walk);
}

/** `declared and not used: x`, for every variable of this function (not of nested function literals). */
function usage(c: Checker, scope: Scope): void {
  const unused: Var[] = [];
  for (const o of scope.names.values()) if (o.tag === 'Var' && !o.used && !o.isParam && o.pos) unused.push(o);
  unused.sort((a, b) => a.pos!.line - b.pos!.line || a.pos!.col - b.pos!.col);
  for (const v of unused) c.error(v.pos!, `declared and not used: ${v.name}`);
  for (const ch of scope.children) if (!ch.isFunc) usage(c, ch);
}

export function stmtList(c: Checker, list: ast.Stmt[], ctx: Ctx): void {
  const inner: Ctx = { ...ctx, fallthroughOk: false };
  list.forEach((s, i) => {
    const last = i === list.length - 1;
    const sctx = ctx.fallthroughOk && last ? ctx : inner;
    c.guard(s.pos, () => stmt(c, s, sctx));
  });
}

export function block(c: Checker, list: ast.Stmt[], ctx: Ctx): void {
  c.openScope();
  try { stmtList(c, list, ctx); } finally { c.closeScope(); }
}

export function stmt(c: Checker, s: ast.Stmt, ctx: Ctx): void {
  switch (s.kind) {
    case 'BadStmt': case 'EmptyStmt': return;
    case 'DeclStmt': return declStmt(c, s.decl);
    case 'LabeledStmt': return stmt(c, s.stmt, ctx);
    case 'ExprStmt': return exprStmt(c, s);
    case 'SendStmt': {
      const ch = expr(c, s.chan);
      const v = expr(c, s.value);
      if (ch.mode === 'invalid' || v.mode === 'invalid') return;
      const u = under(ch.type);
      if (u.tag !== 'Chan') { c.error(s.chan.pos, `invalid operation: cannot send to non-channel ${operandString(c, ch)}`); return; }
      if (u.dir === 'recv') { c.error(s.chan.pos, `invalid operation: cannot send to receive-only channel ${c.typeStr(ch.type)} ${operandString(c, ch)}`); return; }
      assignment(c, v, u.elem, 'send');
      return;
    }
    case 'IncDecStmt': {
      const x = expr(c, s.x);
      if (x.mode === 'invalid') return;
      if (!isNumeric(x.type)) {
        c.error(s.x.pos, `invalid operation: ${exprString(s.x)}${s.inc ? '++' : '--'} (non-numeric type ${c.typeStr(x.type)})`);
        return;
      }
      assignTarget(c, s.x, x);
      return;
    }
    case 'AssignStmt': return assignStmt(c, s);
    case 'GoStmt': case 'DeferStmt': {
      const what = s.kind === 'GoStmt' ? 'go' : 'defer';
      const call = s.call;
      if (call.end.offset === call.fun.end.offset) {
        // The parser wrapped a non-call (`go f`) in a call node.
        c.error(call.fun.pos, `expression in ${what} must be function call`);
        rawExpr(c, call.fun, null, true);
        return;
      }
      const f = exprOrType(c, call.fun);
      if (f.mode === 'typexpr') {
        const x = rawExpr(c, call, null, false);
        c.error(call.pos, `${what} requires function call, not conversion${x.mode === 'invalid' ? '' : ' ' + operandString(c, x)}`);
        return;
      }
      const x = rawExpr(c, call, null, false);
      if (x.mode === 'invalid') return;
      if (f.mode === 'builtin') {
        const name = call.fun.kind === 'Ident' ? call.fun.name : '';
        if (!['close', 'copy', 'delete', 'panic', 'print', 'println', 'recover', 'clear'].includes(name)) {
          c.error(call.pos, `${what} discards result of ${exprString(call)}`);
        }
      }
      return;
    }
    case 'ReturnStmt': return returnStmt(c, s);
    case 'BranchStmt': return branchStmt(c, s, ctx);
    case 'BlockStmt': return block(c, s.list, ctx);
    case 'IfStmt': {
      c.openScope();
      try {
        if (s.init) stmt(c, s.init, ctx);
        const x = expr(c, s.cond);
        if (x.mode !== 'invalid' && !isBoolean(x.type)) c.error(s.cond.pos, 'non-boolean condition in if statement');
        block(c, s.body.list, ctx);
        if (s.else_) stmt(c, s.else_, ctx);
      } finally { c.closeScope(); }
      return;
    }
    case 'SwitchStmt': return switchStmt(c, s, ctx);
    case 'TypeSwitchStmt': return typeSwitchStmt(c, s, ctx);
    case 'SelectStmt': return selectStmt(c, s, ctx);
    case 'ForStmt': {
      c.openScope();
      try {
        if (s.init) stmt(c, s.init, top);
        if (s.cond) {
          const x = expr(c, s.cond);
          if (x.mode !== 'invalid' && !isBoolean(x.type)) c.error(s.cond.pos, 'non-boolean condition in for statement');
        }
        if (s.post) {
          if (s.post.kind === 'AssignStmt' && s.post.op === ':=') c.error(s.post.pos, 'cannot declare in post statement of for loop');
          else stmt(c, s.post, top);
        }
        block(c, s.body.list, { ...ctx, breakOk: true, continueOk: true });
      } finally { c.closeScope(); }
      return;
    }
    case 'RangeStmt': return rangeStmt(c, s, ctx);
    case 'CaseClause': case 'CommClause': return;
  }
}

function declStmt(c: Checker, d: ast.GenDecl): void {
  let lastTyp: ast.Expr | null = null;
  let lastValues: ast.Expr[] = [];
  for (const spec of d.specs) {
    if (spec.kind === 'TypeSpec') {
      const obj = new TypeName(spec.name.name, Typ.invalid, spec.name.pos, c.pkg);
      if (spec.assign) {
        obj.type = typExpr(c, spec.type);
        c.declare(c.scope, spec.name, obj);
      } else {
        const named = new Named(obj, c.pkg);
        obj.type = named;
        c.declare(c.scope, spec.name, obj);
        named.underlying = under(typExpr(c, spec.type));
      }
      continue;
    }
    if (spec.kind !== 'ValueSpec') continue;
    if (d.tok === 'const') {
      if (spec.type || spec.values.length) { lastTyp = spec.type; lastValues = spec.values; }
      const consts = spec.names.map((n, i) => {
        const obj = new Const(n.name, Typ.invalid, { kind: 'int', value: 0n }, n.pos, c.pkg);
        const saved = c.iota;
        c.iota = BigInt(spec.iota);
        try { constDecl(c, obj, lastTyp, lastValues[i] ?? null); } finally { c.iota = saved; }
        return obj;
      });
      if (spec.names.length > lastValues.length) c.error(spec.names[lastValues.length]!.pos, 'missing init expr for const declaration');
      else if (spec.values.length > spec.names.length) c.error(spec.values[spec.names.length]!.pos, 'extra init expr');
      spec.names.forEach((n, i) => c.declare(c.scope, n, consts[i]!));
      continue;
    }
    const vars = spec.names.map((n) => new Var(n.name, Typ.invalid, n.pos, c.pkg));
    if (spec.values.length && spec.values.length !== spec.names.length && spec.values.length !== 1) {
      for (const v of spec.values) expr(c, v);
      const n = spec.names.length, m = spec.values.length;
      if (m > n) c.error(spec.values[n]!.pos, 'extra init expr');
      else c.error(spec.values[0]!.pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${m} value${m > 1 ? 's' : ''}`);
      if (spec.type) { const t = typExpr(c, spec.type); for (const v of vars) v.type = t; }
    } else {
      varDecl(c, vars, spec.type, spec.values, 'variable declaration');
    }
    spec.names.forEach((n, i) => c.declare(c.scope, n, vars[i]!));
  }
}

function exprStmt(c: Checker, s: ast.ExprStmt): void {
  const x = rawExpr(c, s.x, null, true);
  if (x.mode === 'invalid') return;
  let inner = s.x;
  while (inner.kind === 'ParenExpr') inner = inner.x;
  if (inner.kind === 'CallExpr') {
    if (x.mode === 'typexpr') return;
    const f = c.info.types.get(inner.fun.id);
    if (f?.mode === 'builtin') {
      const name = inner.fun.kind === 'Ident' ? inner.fun.name : '';
      if (['append', 'cap', 'complex', 'imag', 'len', 'make', 'max', 'min', 'new', 'real'].includes(name)) {
        c.error(s.x.pos, `${operandString(c, x)} is not used`);
      }
      return;
    }
    if (c.info.types.get(inner.id)?.mode === 'constant' || (x.mode !== 'novalue' && isConversion(c, inner))) {
      c.error(s.x.pos, `${operandString(c, x)} is not used`);
    }
    return;
  }
  if (inner.kind === 'UnaryExpr' && inner.op === '<-') return;
  if (x.mode === 'typexpr') { c.error(s.x.pos, `${exprString(s.x)} (type) is not an expression`); return; }
  c.error(s.x.pos, `${operandString(c, x)} is not used`);
}

function isConversion(c: Checker, call: ast.CallExpr): boolean {
  return c.info.types.get(call.fun.id)?.mode === 'typexpr';
}

/** Check that an already-evaluated operand can be assigned to; report as gc does otherwise. */
export function assignTarget(c: Checker, e: ast.Expr, x: Operand): boolean {
  if (x.mode === 'invalid') return false;
  // A field of a struct stored in a map is not addressable.
  if (e.kind === 'SelectorExpr' && c.info.selections.get(e.id)?.kind === 'field') {
    let base = e.x;
    while (base.kind === 'ParenExpr') base = base.x;
    const bt = c.info.types.get(base.id);
    if (bt?.mode === 'mapindex' && !c.info.selections.get(e.id)!.indirect) {
      c.error(e.pos, `cannot assign to struct field ${exprString(e)} in map`);
      return false;
    }
  }
  if (x.mode === 'variable' || x.mode === 'mapindex') return true;
  c.error(e.pos, `cannot assign to ${exprString(e)} (neither addressable nor a map index expression)`);
  return false;
}

/** The left side of `=`: evaluate without counting a plain variable as used. */
export function lhsExpr(c: Checker, e: ast.Expr): Operand | 'blank' {
  if (e.kind === 'Ident') {
    if (e.name === '_') { c.def(e, new Var('_', Typ.invalid, e.pos, c.pkg)); return 'blank'; }
    const obj = c.scope.lookup(e.name);
    if (obj && obj.tag === 'Var') {
      c.use(e, obj);
      const x: Operand = { mode: 'variable', type: obj.type, expr: e };
      recordOperand(c, x);
      return isValid(obj.type) ? x : invalid(e);
    }
  }
  return expr(c, e);
}

function assignStmt(c: Checker, s: ast.AssignStmt): void {
  if (s.op === ':=') return shortVarDecl(c, s);
  if (s.op !== '=') {
    // x op= y is x = x op y.
    if (s.lhs.length !== 1 || s.rhs.length !== 1) { c.error(s.pos, `assignment operation ${s.op} requires single-valued expressions`); return; }
    const op = s.op.slice(0, -1) as ast.BinaryOp;
    const bin: ast.BinaryExpr = { kind: 'BinaryExpr', op, x: s.lhs[0]!, y: s.rhs[0]!, opPos: s.opPos, pos: s.pos, end: s.end, id: -s.id - 1 };
    const x = expr(c, bin);
    c.info.types.delete(bin.id);
    if (x.mode === 'invalid') return;
    const l = c.info.types.get(s.lhs[0]!.id);
    if (l) assignTarget(c, s.lhs[0]!, { mode: l.mode, type: l.type, expr: s.lhs[0]! });
    return;
  }
  const nl = s.lhs.length, nr = s.rhs.length;
  if (nl === nr && !isSingleCall(s.rhs)) {
    const ls = s.lhs.map((e) => lhsExpr(c, e));
    s.rhs.forEach((re, i) => {
      const l = ls[i]!;
      const x = expr(c, re, l === 'blank' ? null : l.type);
      if (x.mode === 'invalid') return;
      if (l === 'blank') { assignment(c, x, null, 'assignment'); return; }
      if (!assignTarget(c, s.lhs[i]!, l)) return;
      assignment(c, x, l.type, 'assignment');
    });
    return;
  }
  const ls = s.lhs.map((e) => lhsExpr(c, e));
  const xs = nr === 1 ? multiExpr(c, s.rhs, nl) : null;
  if (nr !== 1) {
    for (const r of s.rhs) expr(c, r);
    c.error(s.rhs[0]!.pos, `assignment mismatch: ${nl} variable${nl > 1 ? 's' : ''} but ${nr} value${nr > 1 ? 's' : ''}`);
    return;
  }
  if (!xs) return;
  if (xs.length !== nl) { mismatch(c, nl, s.rhs, xs.length); return; }
  xs.forEach((x, i) => {
    const l = ls[i]!;
    if (l === 'blank') { assignment(c, x, null, 'assignment'); return; }
    if (!assignTarget(c, s.lhs[i]!, l)) return;
    assignment(c, x, l.type, 'assignment');
  });
}

function shortVarDecl(c: Checker, s: ast.AssignStmt): void {
  const scope = c.scope;
  const lhsVars: (Var | null)[] = [];
  const newVars: { id: ast.Ident; v: Var }[] = [];
  let hasNew = false;
  let bad = false;
  const seen = new Set<string>();
  for (const e of s.lhs) {
    if (e.kind !== 'Ident') {
      c.error(e.pos, `non-name ${exprString(e)} on left side of :=`);
      bad = true;
      lhsVars.push(null);
      continue;
    }
    if (e.name !== '_' && seen.has(e.name)) {
      c.error(e.pos, `${e.name} repeated on left side of :=`);
      bad = true;
      lhsVars.push(null);
      continue;
    }
    seen.add(e.name);
    const prev = e.name === '_' ? undefined : scope.names.get(e.name);
    if (prev) {
      c.use(e, prev);
      if (prev.tag !== 'Var') { c.error(e.pos, `cannot assign to ${e.name}`); bad = true; lhsVars.push(null); continue; }
      lhsVars.push(prev);
      continue;
    }
    const v = new Var(e.name, Typ.invalid, e.pos, c.pkg);
    if (e.name !== '_') hasNew = true;
    newVars.push({ id: e, v });
    lhsVars.push(v);
  }
  if (bad) { for (const r of s.rhs) expr(c, r); return; }
  const nl = s.lhs.length, nr = s.rhs.length;
  const fresh = new Set(newVars.map((n) => n.v));
  const assignOne = (v: Var | null, x: Operand): void => {
    if (!v) return;
    if (fresh.has(v)) {
      if (assignment(c, x, null, 'assignment')) v.type = x.type;
      return;
    }
    assignment(c, x, v.type, 'assignment');
  };
  if (nl === nr && !isSingleCall(s.rhs)) {
    s.rhs.forEach((re, i) => {
      const x = expr(c, re);
      if (x.mode === 'invalid') return;
      assignOne(lhsVars[i]!, x);
    });
  } else if (nr === 1) {
    const xs = multiExpr(c, s.rhs, nl);
    if (xs) {
      if (xs.length !== nl) mismatch(c, nl, s.rhs, xs.length);
      else xs.forEach((x, i) => assignOne(lhsVars[i]!, x));
    }
  } else {
    for (const r of s.rhs) expr(c, r);
    c.error(s.rhs[0]!.pos, `assignment mismatch: ${nl} variable${nl > 1 ? 's' : ''} but ${nr} value${nr > 1 ? 's' : ''}`);
  }
  for (const { id, v } of newVars) c.declare(scope, id, v);
  if (!hasNew) c.error(s.opPos, 'no new variables on left side of :=');
}

function returnStmt(c: Checker, s: ast.ReturnStmt): void {
  const sig = c.funcSig;
  if (!sig) return;
  const want = sig.results.vars;
  if (s.results.length === 0) {
    if (want.length === 0) return;
    if (want[0]!.name !== '') {
      // A naked return: named results must not be shadowed here.
      for (const v of want) {
        const o = c.scope.lookup(v.name);
        if (o && o !== v && v.name !== '_') {
          const where = o.pos ? `./${c.filename}:${o.pos.line}:${o.pos.col}: ` : '';
          const what = o.tag === 'Var' ? `var ${o.name} ${c.typeStr(o.type)}` : o.name;
          c.error(s.pos, `result parameter ${v.name} not in scope at return\n\t${where}inner declaration of ${what}`);
        }
      }
      return;
    }
    c.error(s.pos, `not enough return values\n\thave ()\n\twant ${tupleTypes(c, want.map((v) => v.type))}`);
    return;
  }
  if (want.length === 0) {
    const xs = s.results.map((r) => rawExpr(c, r, null, false));
    c.error(s.results[0]!.pos, `too many return values\n\thave ${haveList(c, xs)}\n\twant ()`);
    return;
  }
  let xs: Operand[] | null;
  if (s.results.length === 1 && want.length > 1) {
    xs = multiExpr(c, s.results, want.length);
  } else {
    xs = s.results.map((r, i) => expr(c, r, want[i]?.type ?? null));
    if (xs.some((x) => x.mode === 'invalid')) xs = null;
  }
  if (!xs) return;
  if (xs.length !== want.length) {
    const at = xs.length > want.length ? s.results[Math.min(want.length, s.results.length - 1)]!.pos : s.results[s.results.length - 1]!.pos;
    c.error(xs.length > want.length ? at : s.results[0]!.pos, `${xs.length > want.length ? 'too many' : 'not enough'} return values\n\thave ${haveList(c, xs)}\n\twant ${tupleTypes(c, want.map((v) => v.type))}`);
    return;
  }
  xs.forEach((x, i) => assignment(c, x, want[i]!.type, 'return statement'));
}

function haveList(c: Checker, xs: Operand[]): string {
  return '(' + xs.map((x) => (isUntyped(x.type) ? (x.mode === 'nilvalue' ? 'nil' : isNumeric(x.type) ? 'number' : c.typeStr(defaultType(x.type))) : c.typeStr(x.type))).join(', ') + ')';
}

function tupleTypes(c: Checker, ts: Type[]): string {
  return '(' + ts.map((t) => c.typeStr(t)).join(', ') + ')';
}

function branchStmt(c: Checker, s: ast.BranchStmt, ctx: Ctx): void {
  const labels = c.labels[c.labels.length - 1];
  if (s.label) {
    const l = labels?.get(s.label.name);
    if (!l) { c.error(s.label.pos, `label ${s.label.name} not defined`); return; }
    l.used = true;
    if (s.tok === 'goto') return;
    const target = l.stmt.stmt.kind;
    const isLoop = target === 'ForStmt' || target === 'RangeStmt';
    if (s.tok === 'continue' && !isLoop) { c.error(s.label.pos, `invalid continue label ${s.label.name}`); return; }
    if (s.tok === 'break' && !isLoop && target !== 'SwitchStmt' && target !== 'TypeSwitchStmt' && target !== 'SelectStmt') {
      c.error(s.label.pos, `invalid break label ${s.label.name}`);
    }
    return;
  }
  switch (s.tok) {
    case 'break': if (!ctx.breakOk) c.error(s.pos, 'break is not in a loop, switch, or select'); return;
    case 'continue': if (!ctx.continueOk) c.error(s.pos, 'continue is not in a loop'); return;
    case 'fallthrough':
      if (!ctx.fallthroughOk) c.error(s.pos, ctx.finalSwitchCase ? 'cannot fallthrough final case in switch' : 'fallthrough statement out of place');
      return;
    case 'goto': return;
  }
}

