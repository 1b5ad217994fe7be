// Operators (go/types' expr.go): unary and binary operations, comparisons and shifts, with
// constant folding, untyped operands brought to their partner's type, and go1.26's wording.
import type * as ast from '../syntax/ast.ts';
import { Basic, Pointer, type ConstValue, type Type } from './types.ts';
import { Typ, runeType } from './universe.ts';
import type { Checker } from './check.ts';
import {
  under, identical, isUntyped, isInteger, isNumeric, isString, isBoolean, isOrdered, isUnsigned, isFloat,
  comparable, hasNil, isInterface, bitSize,
} from './predicates.ts';
import { binaryOp, boolVal, compareConst, representable, unaryOp, toInt } from './constants.ts';
import { convertUntyped, invalid, operandString, recordOperand, type Operand } from './operand.ts';
import { assignableReason } from './assign.ts';
import { exprString } from './typestring.ts';
import { expr } from './expr.ts';

export function unary(c: Checker, e: ast.UnaryExpr, hint: Type | null): Operand {
  if (e.op === '&') {
    let inner = e.x;
    while (inner.kind === 'ParenExpr') inner = inner.x;
    if (inner.kind === 'CompositeLit') {
      const h = hint && under(hint).tag === 'Pointer' ? (under(hint) as Pointer).elem : null;
      const x = expr(c, e.x, h);
      if (x.mode === 'invalid') return invalid(e);
      return { mode: 'value', type: new Pointer(x.type), expr: e };
    }
    const x = expr(c, e.x);
    if (x.mode === 'invalid') return invalid(e);
    if (x.mode !== 'variable') {
      c.error(e.pos, `invalid operation: cannot take address of ${operandString(c, x)}`);
      return invalid(e);
    }
    return { mode: 'value', type: new Pointer(x.type), expr: e };
  }
  if (e.op === '<-') {
    const x = expr(c, e.x);
    if (x.mode === 'invalid') return invalid(e);
    const u = under(x.type);
    if (u.tag !== 'Chan') {
      c.error(e.x.pos, `invalid operation: cannot receive from non-channel ${c.typeStr(x.type)} ${operandString(c, x)}`);
      return invalid(e);
    }
    if (u.dir === 'send') {
      c.error(e.x.pos, `invalid operation: cannot receive from send-only channel ${c.typeStr(x.type)} ${operandString(c, x)}`);
      return invalid(e);
    }
    return { mode: 'commaok', type: u.elem, expr: e };
  }
  const x = expr(c, e.x, hint);
  if (x.mode === 'invalid') return invalid(e);
  const ok = e.op === '!' ? isBoolean(x.type) : e.op === '^' ? isInteger(x.type) : isNumeric(x.type);
  if (!ok) {
    c.error(e.pos, `invalid operation: operator ${e.op} not defined on ${operandString(c, x)}`);
    return invalid(e);
  }
  if (x.mode === 'constant' && x.value) {
    const bits = isUnsigned(x.type) ? bitSize((under(x.type) as Basic).kind) : null;
    const v = unaryOp(e.op, x.value, bits);
    if (!v) return invalid(e);
    const r: Operand = { mode: 'constant', type: x.type, value: v, expr: e };
    if (!overflow(c, r, e)) return invalid(e);
    return r;
  }
  return { mode: 'value', type: x.type, expr: e };
}

/** A typed constant result must fit its type: `c + 1 (constant 256 of type uint8) overflows uint8`. */
function overflow(c: Checker, x: Operand, e: ast.Expr): boolean {
  if (!x.value || isUntyped(x.type)) return true;
  const u = under(x.type);
  if (u.tag !== 'Basic') return true;
  const r = representable(x.value, u.kind);
  if (typeof r === 'string') {
    if (r === 'overflows' || r === 'truncated') {
      c.error(e.pos, `${operandString(c, x)} overflows ${c.typeStr(x.type)}`);
      return false;
    }
    return true;
  }
  x.value = r;
  return true;
}

const comparisonOps = new Set(['==', '!=', '<', '<=', '>', '>=']);

export function binary(c: Checker, e: ast.BinaryExpr, hint: Type | null): Operand {
  if (e.op === '<<' || e.op === '>>') return shiftExpr(c, e, hint);
  const x = expr(c, e.x, hint);
  const y = expr(c, e.y, hint);
  if (x.mode === 'invalid' || y.mode === 'invalid') return invalid(e);
  if (comparisonOps.has(e.op)) return comparison(c, e, x, y);
  if (!matchTypes(c, e, x, y)) return invalid(e);
  if (!identical(x.type, y.type)) {
    c.error(e.x.pos, `invalid operation: ${exprString(e)} (mismatched types ${c.typeStr(x.type)} and ${c.typeStr(y.type)})`);
    return invalid(e);
  }
  const t = x.type;
  const okOp =
    e.op === '+' ? isNumeric(t) || isString(t)
    : e.op === '-' || e.op === '*' || e.op === '/' ? isNumeric(t)
    : e.op === '%' || e.op === '&' || e.op === '|' || e.op === '^' || e.op === '&^' ? isInteger(t)
    : e.op === '&&' || e.op === '||' ? isBoolean(t) : false;
  if (!okOp) {
    c.error(e.x.pos, `invalid operation: operator ${e.op} not defined on ${operandString(c, x)}`);
    return invalid(e);
  }
  if ((e.op === '/' || e.op === '%') && y.mode === 'constant' && y.value && isZero(y.value) && (x.mode === 'constant' || isInteger(t))) {
    c.error(e.y.pos, 'invalid operation: division by zero');
    return invalid(e);
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.value && y.value) {
    const v = binaryOp(e.op, x.value, y.value, isInteger(t));
    if (!v) { c.error(e.y.pos, 'invalid operation: division by zero'); return invalid(e); }
    const r: Operand = { mode: 'constant', type: t, value: v, expr: e };
    if (!overflow(c, r, e)) return invalid(e);
    return r;
  }
  return { mode: 'value', type: t, expr: e };
}

function isZero(v: ConstValue): boolean {
  return (v.kind === 'int' && v.value === 0n) || (v.kind === 'float' && v.num === 0n) || (v.kind === 'complex' && v.re === 0 && v.im === 0);
}

/** Bring an untyped operand to the other's type (go/types' matchTypes); reports on failure. */
function matchTypes(c: Checker, e: ast.BinaryExpr, x: Operand, y: Operand): boolean {
  const xu = isUntyped(x.type), yu = isUntyped(y.type);
  if (xu === yu && !(xu && yu)) return true;
  // go/types' mayConvert: an untyped operand never converts to a type of another kind.
  if (isNumeric(x.type) !== isNumeric(y.type) && x.mode !== 'nilvalue' && y.mode !== 'nilvalue') return true;
  if (!isInterface(x.type) && !isInterface(y.type)) {
    if (isBoolean(x.type) !== isBoolean(y.type) || isString(x.type) !== isString(y.type)) return true;
  }
  const conv = (a: Operand, target: Type): boolean => {
    if (a.mode === 'nilvalue' && !hasNil(target) && !isUntyped(target)) { mismatched(c, e, x, y); return false; }
    const before = operandString(c, a);
    const r = convertUntyped(c, a, target);
    if (r === 'ok') return true;
    if (r === 'overflows') c.error(a.expr.pos, `${before} overflows ${c.typeStr(target)}`);
    else if (r === 'truncated') c.error(a.expr.pos, `${before} truncated to ${c.typeStr(target)}`);
    else mismatched(c, e, x, y);
    return false;
  };
  if (xu && yu) {
    if (x.mode === 'nilvalue' || y.mode === 'nilvalue') return true;
    if (isNumeric(x.type) && isNumeric(y.type)) return conv(x, y.type) && conv(y, x.type);
    return true;
  }
  if (xu) {
    if (isInterface(y.type) && x.mode !== 'nilvalue') return conv(x, y.type);
    return conv(x, y.type);
  }
  if (isInterface(x.type) && y.mode !== 'nilvalue') return conv(y, x.type);
  return conv(y, x.type);
}

function mismatched(c: Checker, e: ast.BinaryExpr, x: Operand, y: Operand): void {
  c.error(e.x.pos, `invalid operation: ${exprString(e)} (mismatched types ${c.typeStr(x.type)} and ${c.typeStr(y.type)})`);
}

function comparison(c: Checker, e: ast.BinaryExpr, x: Operand, y: Operand): Operand {
  if (!matchTypes(c, e, x, y)) return invalid(e);
  const ordered = e.op !== '==' && e.op !== '!=';
  let err = '';
  const xnil = x.mode === 'nilvalue', ynil = y.mode === 'nilvalue';
  const ok = assignableReason(c, x, y.type) === null || assignableReason(c, y, x.type) === null;
  if (!ok) {
    err = `mismatched types ${c.typeStr(x.type)} and ${c.typeStr(y.type)}`;
  } else if (ordered) {
    if (!isOrdered(x.type)) err = `operator ${e.op} not defined on ${kindWord(c, x)}`;
    else if (!isOrdered(y.type)) err = `operator ${e.op} not defined on ${kindWord(c, y)}`;
  } else if (xnil || ynil) {
    const other = xnil ? y : x;
    if (xnil && ynil) err = `operator ${e.op} not defined on nil`;
    else if (!hasNil(other.type)) err = `mismatched types ${c.typeStr(x.type)} and ${c.typeStr(y.type)}`;
  } else if (!comparable(x.type) || !comparable(y.type)) {
    const bad = !comparable(x.type) ? x : y;
    const u = under(bad.type);
    const what = u.tag === 'Slice' ? 'slice' : u.tag === 'Map' ? 'map' : u.tag === 'Signature' ? 'func' : '';
    if (what) err = `${what} can only be compared to nil`;
    else err = `${incomparableCause(c, bad.type)} cannot be compared`;
  }
  if (err) {
    c.error(e.x.pos, `invalid operation: ${exprString(e)} (${err})`);
    return invalid(e);
  }
  if (x.mode === 'constant' && y.mode === 'constant' && x.value && y.value) {
    return { mode: 'constant', type: Typ.untypedBool, value: boolVal(compareConst(e.op, x.value, y.value)), expr: e };
  }
  // Operands that stay untyped take their default type now (`x == 1` where both are untyped is constant above).
  if (isUntyped(x.type) && !xnil) convertUntyped(c, x, defaultFor(x.type));
  if (isUntyped(y.type) && !ynil) convertUntyped(c, y, defaultFor(y.type));
  return { mode: 'value', type: Typ.untypedBool, expr: e };
}

/** What makes t incomparable, as go/types words it: `struct containing []int`. */
function incomparableCause(c: Checker, t: Type): string {
  const u = under(t);
  if (u.tag === 'Struct') {
    const f = u.fields.find((fl) => !comparable(fl.type));
    if (f) return `struct containing ${c.typeStr(f.type)}`;
  }
  return c.typeStr(t);
}

function defaultFor(t: Type): Type {
  const k = (t as { kind: string }).kind;
  return k === 'untyped rune' ? runeType : k === 'untyped float' ? Typ.float64 : k === 'untyped bool' ? Typ.bool : k === 'untyped string' ? Typ.string : k === 'untyped complex' ? Typ.complex128 : Typ.int;
}

function kindWord(c: Checker, x: Operand): string {
  const u = under(x.type);
  switch (u.tag) {
    case 'Struct': return 'struct';
    case 'Pointer': return 'pointer';
    case 'Interface': return 'interface';
    case 'Map': return 'map';
    case 'Slice': return 'slice';
    case 'Chan': return 'chan';
    case 'Signature': return 'func';
    case 'Array': return 'array';
    default: return operandString(c, x);
  }
}

function shiftExpr(c: Checker, e: ast.BinaryExpr, hint: Type | null): Operand {
  const x = expr(c, e.x, hint);
  const y = expr(c, e.y);
  if (x.mode === 'invalid' || y.mode === 'invalid') return invalid(e);
  // The shift count: an integer, or an untyped constant representable as uint.
  if (y.mode === 'constant' && y.value) {
    const v = toInt(y.value);
    if (v === null || (!isInteger(y.type) && !isUntyped(y.type))) {
      c.error(e.y.pos, `invalid operation: shift count ${operandString(c, y)} must be integer`);
      return invalid(e);
    }
    if (v < 0n) { c.error(e.y.pos, `invalid operation: negative shift count ${operandString(c, y)}`); return invalid(e); }
    if (isUntyped(y.type)) { convertUntyped(c, y, Typ.uint); recordOperand(c, y); }
  } else if (!isInteger(y.type)) {
    c.error(e.y.pos, `invalid operation: shift count ${operandString(c, y)} must be integer`);
    return invalid(e);
  }
  if (x.mode === 'constant' && x.value) {
    const xi = toInt(x.value);
    if (xi === null || !(isInteger(x.type) || isUntyped(x.type))) {
      c.error(e.x.pos, `invalid operation: shifted operand ${operandString(c, x)} must be integer`);
      return invalid(e);
    }
    if (y.mode === 'constant' && y.value) {
      const s = toInt(y.value)!;
      if (s > 10000n) { c.error(e.y.pos, `invalid shift count ${operandString(c, y)}`); return invalid(e); }
      const v = e.op === '<<' ? xi << s : xi >> s;
      const t = isUntyped(x.type) && x.type !== Typ.untypedRune ? Typ.untypedInt : x.type;
      const r: Operand = { mode: 'constant', type: t, value: { kind: 'int', value: v }, expr: e };
      if (!overflow(c, r, e)) return invalid(e);
      return r;
    }
    if (isUntyped(x.type)) {
      // A non-constant shift of an untyped constant: the constant takes the type the context
      // wants (`var f int64 = 1 << n`), else int.
      const target = hint && isInteger(hint) ? hint : Typ.int;
      if (hint && !isInteger(hint) && isFloat(hint)) {
        c.error(e.pos, `invalid operation: shifted operand ${exprString(x.expr)} (type ${c.typeStr(hint)}) must be integer`);
        return invalid(e);
      }
      convertUntyped(c, x, target);
      recordOperand(c, x);
    }
    return { mode: 'value', type: x.type, expr: e };
  }
  if (!isInteger(x.type)) {
    c.error(e.x.pos, `invalid operation: shifted operand ${operandString(c, x)} must be integer`);
    return invalid(e);
  }
  return { mode: 'value', type: x.type, expr: e };
}

