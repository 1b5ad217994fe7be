// The operand of an expression being checked (go/types' operand.go), how messages describe it,
// and implicit conversion of untyped values to the type their context asks for.
import type * as ast from '../syntax/ast.ts';
import type { Basic, ConstValue, Mode, Type } from './types.ts';
import { Typ } from './universe.ts';
import type { Checker } from './check.ts';
import { constString, representable } from './constants.ts';
import { exprString } from './typestring.ts';
import { under, isUntyped, isNumeric, isString, isBoolean, hasNil, isInterface, defaultType, isInteger } from './predicates.ts';

export type OperandMode = Mode | 'invalid' | 'nilvalue';

export interface Operand {
  mode: OperandMode;
  type: Type;
  value?: ConstValue;
  expr: ast.Expr;
}

export function invalid(e: ast.Expr): Operand {
  return { mode: 'invalid', type: Typ.invalid, expr: e };
}

const modeNames: Record<OperandMode, string> = {
  invalid: 'invalid operand', novalue: 'no value', builtin: 'built-in', typexpr: 'type',
  constant: 'constant', variable: 'variable', mapindex: 'map index expression', value: 'value',
  commaok: 'comma, ok expression', nilvalue: 'nil',
};

/** How an operand appears in messages: `x (variable of type int)`, `1 (untyped int constant)`. */
export function operandString(c: Checker, x: Operand): string {
  const expr = exprString(x.expr);
  if (x.mode === 'nilvalue') {
    return x.type.tag === 'Basic' && x.type.kind === 'untyped nil' ? 'nil' : `nil (of type ${c.typeStr(x.type)})`;
  }
  let s = expr + ' (';
  let hasType = false;
  if (x.mode !== 'invalid' && x.mode !== 'novalue' && x.mode !== 'builtin' && x.mode !== 'typexpr') {
    if (isUntyped(x.type)) s += (x.type as { kind: string }).kind + ' ';
    else hasType = true;
  }
  s += modeNames[x.mode];
  if (x.mode === 'constant' && x.value) {
    const v = constString(x.value);
    if (v !== expr) s += ' ' + v;
  }
  if (hasType && !(x.type.tag === 'Basic' && x.type.kind === 'invalid')) {
    let desc = '';
    if (x.type.tag === 'Named') {
      const u = under(x.type);
      desc = compositeKind(u) || (u.tag === 'Basic' ? u.name : '');
      if (desc) desc += ' ';
    }
    s += ` of ${desc}type ${c.typeStr(x.type)}`;
  }
  return s + ')';
}

function compositeKind(t: Type): string {
  switch (t.tag) {
    case 'Array': return 'array';
    case 'Slice': return 'slice';
    case 'Struct': return 'struct';
    case 'Pointer': return 'pointer';
    case 'Signature': return 'func';
    case 'Interface': return 'interface';
    case 'Map': return 'map';
    case 'Chan': return 'chan';
    case 'Tuple': return 'tuple';
    default: return '';
  }
}

/** Record x's (final) type and value for its expression. */
export function recordOperand(c: Checker, x: Operand): void {
  if (x.mode === 'invalid') return;
  const mode: Mode = x.mode === 'nilvalue' ? 'value' : x.mode;
  c.record(x.expr, x.value ? { mode, type: x.type, value: x.value } : { mode, type: x.type });
}

/**
 * Once an untyped expression's type is known, record it for the expression and the untyped
 * operands it was built from (`1 + 2` in `var x int64 = 1 + 2` is int64 all the way down).
 */
export function updateExprType(c: Checker, e: ast.Expr, t: Type): void {
  const tv = c.info.types.get(e.id);
  if (!tv || !isUntyped(tv.type)) return;
  let value = tv.value;
  if (value && t.tag !== 'Interface' && under(t).tag === 'Basic') {
    const r = representable(value, (under(t) as Basic).kind);
    if (typeof r !== 'string') value = r;
  }
  c.record(e, value ? { mode: tv.mode, type: t, value } : { mode: tv.mode, type: t });
  switch (e.kind) {
    case 'ParenExpr': updateExprType(c, e.x, t); break;
    case 'UnaryExpr': if (e.op !== '!' || isBoolean(t)) updateExprType(c, e.x, t); break;
    case 'BinaryExpr':
      if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) break;
      if (e.op === '<<' || e.op === '>>') { updateExprType(c, e.x, t); break; }
      updateExprType(c, e.x, t);
      updateExprType(c, e.y, t);
      break;
    case 'CallExpr':
      // Constant min/max: the arguments take the result's type too.
      if (c.info.types.get(e.fun.id)?.mode === 'builtin') for (const a of e.args) updateExprType(c, a, t);
      break;
    default: break;
  }
}

/**
 * Convert untyped x to `target` in place (go/types' implicitTypeAndValue). On failure reports
 * nothing and returns the reason: 'overflows' / 'truncated' for constants that do not fit, or
 * 'mismatch'.
 */
export function convertUntyped(c: Checker, x: Operand, target: Type): 'ok' | 'overflows' | 'truncated' | 'mismatch' {
  if (x.mode === 'invalid' || !isUntyped(x.type) || target.tag === 'Basic' && target.kind === 'invalid') return 'ok';
  if (isUntyped(target)) {
    // Both untyped (in a binary operation): the "larger" kind wins.
    if (x.type.tag === 'Basic' && target.tag === 'Basic') {
      const order = ['untyped int', 'untyped rune', 'untyped float', 'untyped complex'];
      const a = order.indexOf(x.type.kind), b = order.indexOf(target.kind);
      if (a >= 0 && b >= 0) {
        if (b > a) { x.type = target; if (x.value) { const r = representable(x.value, target.kind); if (typeof r !== 'string') x.value = r; } }
        return 'ok';
      }
      if (x.type.kind !== target.kind) return 'mismatch';
    }
    return 'ok';
  }
  const u = under(target);
  if (x.mode === 'nilvalue') {
    if (!hasNil(target)) return 'mismatch';
    x.type = target;
    updateExprType(c, x.expr, target);
    return 'ok';
  }
  if (u.tag === 'Interface' || target.tag === 'TypeParam') {
    // An untyped value stored in an interface takes its default type.
    const d = defaultType(x.type);
    if (u.tag === 'Interface' && u.allMethods.length && !isInterface(d)) {
      // Checked by the caller's assignability test against the default type.
    }
    x.type = d;
    updateExprType(c, x.expr, d);
    return 'ok';
  }
  if (u.tag !== 'Basic') return 'mismatch';
  const xt = x.type as { kind: string };
  const k = u.kind;
  const numericTarget = isNumeric(u);
  if (xt.kind === 'untyped bool') { if (!isBoolean(u)) return 'mismatch'; }
  else if (xt.kind === 'untyped string') { if (!isString(u)) return 'mismatch'; }
  else if (!numericTarget) return 'mismatch';
  if (x.mode === 'constant' && x.value) {
    const r = representable(x.value, k);
    if (typeof r === 'string') {
      if (r === 'mismatch') return r;
      // go/types' wording: a float constant that does not fit an integer type is "truncated".
      return !isInteger(x.type) && isInteger(u) ? 'truncated' : 'overflows';
    }
    x.value = r;
  } else if (!isInteger(u) && (xt.kind === 'untyped int' || xt.kind === 'untyped rune') && x.mode !== 'constant') {
    // A non-constant untyped int (an unresolved shift) cannot become a float.
  }
  x.type = target;
  updateExprType(c, x.expr, target);
  return 'ok';
}

/** Convert x to its default type (for `x := 1`, interface arguments, ...). */
export function defaultOperand(c: Checker, x: Operand): void {
  if (x.mode === 'invalid' || !isUntyped(x.type) || x.mode === 'nilvalue') return;
  convertUntyped(c, x, defaultType(x.type));
}
