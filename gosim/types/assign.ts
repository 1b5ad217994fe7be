// Assignability (spec "Assignability") with go/types' exact failure messages, and the shared
// logic of declarations and assignments: `var`, `const`, `=`, `:=`, multi-value right sides.
import type * as ast from '../syntax/ast.ts';
import { Tuple, Var, type Const, type Func, type Interface, type Type } from './types.ts';
import { Typ } from './universe.ts';
import type { Checker } from './check.ts';
import {
  identical, under, isUntyped, isInterface, hasNil, missingMethod, isValid, isConstType, defaultType, stripRecv,
} from './predicates.ts';
import { convertUntyped, defaultOperand, operandString, recordOperand, type Operand } from './operand.ts';
import { expr, multiExpr } from './expr.ts';
import { typExpr } from './typexpr.ts';
import { exprString, signatureString } from './typestring.ts';

/** Why V is not assignable to T, or null if it is. '' means "not assignable" with no detail. */
export function assignableReason(c: Checker, x: Operand, T: Type): string | null {
  const V = x.type;
  if (identical(V, T)) return null;
  const Vu = under(V), Tu = under(T);
  // Predeclared types (int, float64, ...) are named types too.
  const named = (t: Type) => t.tag === 'Named' || t.tag === 'Basic' || t.tag === 'TypeParam';
  if (identical(Vu, Tu) && (!named(V) || !named(T))) return null;
  if (Tu.tag === 'Interface' && T.tag !== 'TypeParam') {
    const r = implementsReason(c, V, Tu, T);
    return r === null ? null : r;
  }
  if (Vu.tag === 'Interface' && Tu.tag !== 'Interface' && V.tag !== 'TypeParam') {
    const m = missingMethod(T, Vu);
    if (!m) return `need type assertion`;
  }
  if (Vu.tag === 'Chan' && Vu.dir === 'both' && Tu.tag === 'Chan' && identical(Vu.elem, Tu.elem) && (!named(V) || !named(T))) return null;
  if (x.mode === 'nilvalue' && hasNil(T)) return null;
  return '';
}

/** null if V implements interface T, else the reason as go/types words it. */
export function implementsReason(c: Checker, V: Type, Tu: Interface, T: Type): string | null {
  const m = missingMethod(V, Tu);
  if (!m) return null;
  const vs = c.typeStr(V), ts = c.typeStr(T);
  if (m.pointerOnly) return `${vs} does not implement ${ts} (method ${m.method.name} has pointer receiver)`;
  if (m.wrongType) {
    return `${vs} does not implement ${ts} (wrong type for method ${m.method.name})\n\t\thave ${methodString(c, m.wrongType)}\n\t\twant ${methodString(c, m.method)}`;
  }
  if (isInterface(V)) return `${vs} does not implement ${ts} (missing method ${m.method.name})`;
  // Same name with different capitalization is called out by go/types.
  return `${vs} does not implement ${ts} (missing method ${m.method.name})`;
}

function methodString(c: Checker, f: Func): string {
  return f.name + signatureString(stripRecv(f.type), { relativeTo: c.pkg, reflect: false }, new Set());
}

/**
 * Check that x can be assigned to a T (converting an untyped x); report
 * `cannot use x (...) as T value in <context>` otherwise. Returns false on failure.
 */
export function assignment(c: Checker, x: Operand, T: Type | null, context: string): boolean {
  if (x.mode === 'invalid') return false;
  if (x.mode === 'novalue' || x.mode === 'builtin' || x.mode === 'typexpr') {
    const what = x.mode === 'novalue' ? 'used as value' : x.mode === 'builtin' ? 'must be called' : 'is not an expression';
    if (x.mode === 'typexpr') c.error(x.expr.pos, `${exprString(x.expr)} (type) is not an expression`);
    else c.error(x.expr.pos, `${operandString(c, x)} ${what}`);
    x.mode = 'invalid';
    return false;
  }
  if (x.type.tag === 'Tuple') {
    c.error(x.expr.pos, `multiple-value ${exprString(x.expr)} (value of type ${c.typeStr(x.type)}) in single-value context`);
    x.mode = 'invalid';
    return false;
  }
  if (T === null || !isValid(T)) {
    if (T === null) {
      if (x.mode === 'nilvalue') {
        c.error(x.expr.pos, `use of untyped nil in ${context}`);
        x.mode = 'invalid';
        return false;
      }
      if (isUntyped(x.type)) {
        // `x := 1e1000`: the default type must hold the constant, in go/types' words.
        const before = operandString(c, x), target = defaultType(x.type);
        const r = convertUntyped(c, x, target);
        if (r === 'overflows' || r === 'truncated') {
          c.error(x.expr.pos, `cannot use ${before} as ${c.typeStr(target)} value in ${context} (${r})`);
          x.mode = 'invalid';
          return false;
        }
      }
      recordOperand(c, x);
    }
    return T === null;
  }
  if (isUntyped(x.type)) {
    const before = operandString(c, x);
    const target = under(T).tag === 'Interface' && x.mode !== 'nilvalue' ? defaultType(x.type) : T;
    const r = convertUntyped(c, x, target);
    if (r !== 'ok') {
      const suffix = r === 'overflows' ? ' (overflows)' : r === 'truncated' ? ' (truncated)' : '';
      c.error(x.expr.pos, `cannot use ${before} as ${c.typeStr(target)} value in ${context}${suffix}`);
      x.mode = 'invalid';
      return false;
    }
  }
  const reason = assignableReason(c, x, T);
  if (reason !== null) {
    c.error(x.expr.pos, `cannot use ${operandString(c, x)} as ${c.typeStr(T)} value in ${context}${reason ? ': ' + reason : ''}`);
    x.mode = 'invalid';
    return false;
  }
  recordOperand(c, x);
  return true;
}

export function constDecl(c: Checker, obj: Const, typ: ast.Expr | null, init: ast.Expr | null): void {
  let T: Type | null = null;
  if (typ) {
    T = typExpr(c, typ);
    if (isValid(T) && !isConstType(T)) {
      c.error(typ.pos, `invalid constant type ${c.typeStr(T)}`);
      obj.type = Typ.invalid;
      return;
    }
  }
  if (!init) { obj.type = Typ.invalid; return; }
  const x = expr(c, init);
  if (x.mode === 'invalid') { obj.type = Typ.invalid; return; }
  if (x.mode !== 'constant') {
    c.error(x.expr.pos, `${operandString(c, x)} is not constant`);
    obj.type = Typ.invalid;
    return;
  }
  if (T && isValid(T)) {
    if (!assignment(c, x, T, 'constant declaration')) { obj.type = Typ.invalid; return; }
  } else recordOperand(c, x);
  obj.type = x.type;
  obj.value = x.value!;
}

/** `var a, b T = x, y` at package level or in a function; also used for `:=` with new variables. */
export function varDecl(c: Checker, lhs: Var[], typ: ast.Expr | null, values: ast.Expr[], context: string): void {
  let T: Type | null = null;
  if (typ) {
    T = typExpr(c, typ);
    for (const v of lhs) v.type = T;
  }
  if (values.length === 0) {
    if (!typ) for (const v of lhs) v.type = Typ.invalid;
    return;
  }
  if (lhs.length === values.length && !isSingleCall(values)) {
    lhs.forEach((v, i) => {
      const x = expr(c, values[i]!, T);
      if (x.mode === 'invalid') { if (!T) v.type = Typ.invalid; return; }
      if (T) { assignment(c, x, T, context); return; }
      if (assignment(c, x, null, context)) v.type = x.type;
      else v.type = Typ.invalid;
    });
    return;
  }
  const xs = multiExpr(c, values, lhs.length);
  if (!xs) {
    for (const v of lhs) if (!T) v.type = Typ.invalid;
    return;
  }
  if (xs.length !== lhs.length) {
    mismatch(c, lhs.length, values, xs.length);
    for (const v of lhs) if (!T) v.type = Typ.invalid;
    return;
  }
  xs.forEach((x, i) => {
    const v = lhs[i]!;
    if (T) assignment(c, x, T, context);
    else if (assignment(c, x, null, context)) v.type = x.type;
    else v.type = Typ.invalid;
  });
}

/** `assignment mismatch: 2 variables but f returns 1 value` and its variants. */
export function mismatch(c: Checker, nl: number, rhs: ast.Expr[], nr: number): void {
  const vars = `${nl} variable${nl === 1 ? '' : 's'}`;
  if (rhs.length === 1 && rhs[0]!.kind === 'CallExpr') {
    const call = rhs[0] as ast.CallExpr;
    c.error(rhs[0]!.pos, `assignment mismatch: ${vars} but ${exprString(call.fun)} returns ${nr} value${nr === 1 ? '' : 's'}`);
    return;
  }
  c.error(rhs[0]!.pos, `assignment mismatch: ${vars} but ${nr} value${nr === 1 ? '' : 's'}`);
}

/** A lone call on the right side may return several values (types2 takes the multi-value path). */
export function isSingleCall(rhs: ast.Expr[]): boolean {
  if (rhs.length !== 1) return false;
  let e = rhs[0]!;
  while (e.kind === 'ParenExpr') e = e.x;
  return e.kind === 'CallExpr';
}

export function tupleOf(types: Type[]): Tuple {
  return new Tuple(types.map((t) => new Var('', t, null, null)));
}
