// Calls of the predeclared functions (go/types' builtins.go). The builtin's identifier is
// recorded with mode 'builtin' and the signature of this particular call, so the compiler
// knows e.g. the element type of an append.
import type * as ast from '../syntax/ast.ts';
import { Pointer, Signature, Slice, Tuple, Var, type BuiltinName, type Type } from './types.ts';
import { Typ, emptyInterface } from './universe.ts';
import type { Checker } from './check.ts';
import { under, identical, isUntyped, isInteger, isString, isOrdered, isFloat, isValid, defaultType, isTyped } from './predicates.ts';
import { binaryOp, compareConst, intVal, representable } from './constants.ts';
import { convertUntyped, invalid, operandString, recordOperand, type Operand } from './operand.ts';
import { assignment } from './assign.ts';
import { expr, exprOrType } from './expr.ts';
import { typExpr } from './typexpr.ts';
import { exprString } from './typestring.ts';

const v = (t: Type) => new Var('', t, null, null);

export function builtinCall(c: Checker, e: ast.CallExpr, name: BuiltinName, hint: Type | null): Operand {
  const n = e.args.length;
  const need = (min: number, max: number): boolean => {
    if (n < min) {
      const at = n > 0 ? e.args[n - 1]!.pos : { ...e.end, col: e.end.col - 1, offset: e.end.offset - 1 };
      c.error(at, `not enough arguments for ${exprString(e)} (expected ${min}, found ${n})`);
      for (const a of e.args) exprOrType(c, a);
      return false;
    }
    if (max >= 0 && n > max) {
      c.error(e.args[max]!.pos, `too many arguments for ${exprString(e)} (expected ${max}, found ${n})`);
      for (const a of e.args) exprOrType(c, a);
      return false;
    }
    return true;
  };
  const done = (params: Type[], result: Type | null, mode: Operand['mode'] = 'value', variadic = false): Operand => {
    c.record(e.fun, { mode: 'builtin', type: new Signature(new Tuple(params.map(v)), new Tuple(result ? [v(result)] : []), variadic) });
    if (!result) return { mode: 'novalue', type: new Tuple([]), expr: e };
    return { mode, type: result, expr: e };
  };
  if (e.ellipsis && name !== 'append') {
    c.error(e.pos, `invalid operation: invalid use of ... with built-in ${name}`);
    for (const a of e.args) expr(c, a);
    return invalid(e);
  }
  switch (name) {
    case 'len': case 'cap': {
      if (!need(1, 1)) return invalid(e);
      const x = expr(c, e.args[0]!);
      if (x.mode === 'invalid') return invalid(e);
      let u = under(x.type);
      if (u.tag === 'Pointer' && under(u.elem).tag === 'Array') u = under(u.elem);
      let ok = false;
      let value: bigint | null = null;
      if (u.tag === 'Basic' && isString(u) && name === 'len') {
        ok = true;
        if (x.mode === 'constant' && x.value?.kind === 'string') value = BigInt(x.value.value.length);
        if (isUntyped(x.type)) { convertUntyped(c, x, Typ.string); recordOperand(c, x); }
      } else if (u.tag === 'Array') {
        ok = true;
        if (!containsCallOrRecv(e.args[0]!)) value = BigInt(u.len);
      } else if (u.tag === 'Slice' || u.tag === 'Chan' || (u.tag === 'Map' && name === 'len')) ok = true;
      if (!ok) {
        c.error(x.expr.pos, `invalid argument: ${operandString(c, x)} for built-in ${name}`);
        return invalid(e);
      }
      const r = done([x.type], Typ.int);
      if (value !== null) return { mode: 'constant', type: Typ.int, value: intVal(value), expr: e };
      return r;
    }
    case 'append': {
      if (n === 0) { c.error({ ...e.end, col: e.end.col - 1 }, `not enough arguments for ${exprString(e)} (expected 1, found 0)`); return invalid(e); }
      const s = expr(c, e.args[0]!, hint);
      if (s.mode === 'invalid') { for (const a of e.args.slice(1)) expr(c, a); return invalid(e); }
      if (s.mode === 'nilvalue') {
        c.error(s.expr.pos, `invalid argument: nil (untyped nil) is not a slice`.replace('invalid argument: nil (untyped nil) is not a slice', 'first argument to append must be a typed slice; found untyped nil'));
        return invalid(e);
      }
      const su = under(s.type);
      if (su.tag !== 'Slice') {
        for (const a of e.args.slice(1)) expr(c, a);
        c.error(s.expr.pos, `invalid append: argument must be a slice; have ${operandString(c, s)}`);
        return invalid(e);
      }
      const T = su.elem;
      if (e.ellipsis) {
        if (n !== 2) { for (const a of e.args.slice(1)) expr(c, a); c.error(e.pos, `can only use ... with final argument in list`); return invalid(e); }
        const y = expr(c, e.args[1]!);
        if (y.mode === 'invalid') return invalid(e);
        // append([]byte, string...) is allowed.
        if (isString(y.type) && under(T).tag === 'Basic' && (under(T) as { kind: string }).kind === 'uint8') {
          if (isUntyped(y.type)) { convertUntyped(c, y, Typ.string); recordOperand(c, y); }
          return done([s.type, Typ.string], s.type, 'value', true);
        }
        if (!assignment(c, y, new Slice(T), 'argument to append')) return invalid(e);
        return done([s.type, new Slice(T)], s.type, 'value', true);
      }
      let ok = true;
      for (const a of e.args.slice(1)) {
        const y = expr(c, a, T);
        if (y.mode === 'invalid' || !assignment(c, y, T, 'argument to append')) ok = false;
      }
      if (!ok) return invalid(e);
      return done([s.type, new Slice(T)], s.type, 'value', true);
    }
    case 'make': {
      if (n === 0) { c.error({ ...e.end, col: e.end.col - 1 }, `not enough arguments for ${exprString(e)} (expected 1, found 0)`); return invalid(e); }
      const T = typExpr(c, e.args[0]!);
      if (!isValid(T)) { for (const a of e.args.slice(1)) expr(c, a); return invalid(e); }
      const u = under(T);
      let min = 1;
      if (u.tag === 'Slice') min = 2;
      else if (u.tag !== 'Map' && u.tag !== 'Chan') {
        for (const a of e.args.slice(1)) expr(c, a);
        c.error(e.args[0]!.pos, `invalid argument: cannot make ${exprString(e.args[0]!)}; type must be slice, map, or channel`);
        return invalid(e);
      }
      const max = u.tag === 'Slice' ? 3 : 2;
      if (n < min || n > max) {
        for (const a of e.args.slice(1)) expr(c, a);
        c.error(e.pos, `invalid operation: ${exprString(e)} expects ${min} or ${max} arguments; found ${n}`);
        return invalid(e);
      }
      const sizes: bigint[] = [];
      for (const a of e.args.slice(1)) {
        const s = sizeArg(c, a);
        if (s === false) return invalid(e);
        if (s !== null) sizes.push(s);
      }
      if (sizes.length === 2 && sizes[0]! > sizes[1]!) {
        c.error(e.args[1]!.pos, `invalid argument: length and capacity swapped`);
        return invalid(e);
      }
      return done([T, ...e.args.slice(1).map(() => Typ.int)], T);
    }
    case 'new': {
      if (!need(1, 1)) return invalid(e);
      const T = typExpr(c, e.args[0]!);
      if (!isValid(T)) return invalid(e);
      return done([T], new Pointer(T));
    }
    case 'delete': {
      if (!need(2, 2)) return invalid(e);
      const m = expr(c, e.args[0]!);
      const k = expr(c, e.args[1]!);
      if (m.mode === 'invalid' || k.mode === 'invalid') return invalid(e);
      const u = under(m.type);
      if (u.tag !== 'Map') {
        c.error(m.expr.pos, `invalid argument: ${operandString(c, m)} is not a map`);
        return invalid(e);
      }
      if (!assignment(c, k, u.key, 'argument to delete')) return invalid(e);
      return done([m.type, u.key], null);
    }
    case 'close': {
      if (!need(1, 1)) return invalid(e);
      const x = expr(c, e.args[0]!);
      if (x.mode === 'invalid') return invalid(e);
      const u = under(x.type);
      if (u.tag !== 'Chan') {
        c.error(x.expr.pos, `invalid operation: non-chan argument ${operandString(c, x)}`.replace('non-chan argument', 'cannot close non-channel'));
        return invalid(e);
      }
      if (u.dir === 'recv') {
        c.error(x.expr.pos, `invalid operation: cannot close receive-only channel ${operandString(c, x)}`);
        return invalid(e);
      }
      return done([x.type], null);
    }
    case 'copy': {
      if (!need(2, 2)) return invalid(e);
      const d = expr(c, e.args[0]!);
      const s = expr(c, e.args[1]!);
      if (d.mode === 'invalid' || s.mode === 'invalid') return invalid(e);
      const du = under(d.type), su = under(s.type);
      if (du.tag !== 'Slice') { c.error(d.expr.pos, `invalid argument: copy expects slice arguments; found ${operandString(c, d)} and ${operandString(c, s)}`); return invalid(e); }
      const ok = (su.tag === 'Slice' && identical(du.elem, su.elem)) || (isString(su) && under(du.elem).tag === 'Basic' && (under(du.elem) as { kind: string }).kind === 'uint8');
      if (!ok) {
        c.error(e.pos, su.tag === 'Slice' || isString(su)
          ? `invalid argument: arguments to copy ${operandString(c, d)} and ${operandString(c, s)} have different element types ${c.typeStr(du.elem)} and ${su.tag === 'Slice' ? c.typeStr(su.elem) : 'byte'}`
          : `invalid argument: copy expects slice arguments; found ${operandString(c, d)} and ${operandString(c, s)}`);
        return invalid(e);
      }
      if (isUntyped(s.type)) { convertUntyped(c, s, Typ.string); recordOperand(c, s); }
      return done([d.type, s.type], Typ.int);
    }
    case 'clear': {
      if (!need(1, 1)) return invalid(e);
      const x = expr(c, e.args[0]!);
      if (x.mode === 'invalid') return invalid(e);
      const u = under(x.type);
      if (u.tag !== 'Map' && u.tag !== 'Slice') {
        c.error(x.expr.pos, `invalid argument: ${operandString(c, x)} must be a map or slice`.replace('must be a map or slice', 'cannot clear ' + exprString(x.expr) + ': argument must be (or constrained by) map or slice').replace(/^invalid argument: .*? cannot clear/, 'invalid argument: cannot clear'));
        return invalid(e);
      }
      return done([x.type], null);
    }
    case 'panic': {
      if (!need(1, 1)) return invalid(e);
      const x = expr(c, e.args[0]!);
      if (x.mode === 'invalid') return invalid(e);
      if (!assignment(c, x, emptyInterface, 'argument to panic')) return invalid(e);
      return done([emptyInterface], null);
    }
    case 'print': case 'println': {
      const ts: Type[] = [];
      for (const a of e.args) {
        const x = expr(c, a);
        if (x.mode === 'invalid') return invalid(e);
        if (!assignment(c, x, null, `argument to built-in ${name}`)) return invalid(e);
        ts.push(x.type);
      }
      return done(ts, null);
    }
    case 'recover': {
      if (!need(0, 0)) return invalid(e);
      return done([], emptyInterface);
    }
    case 'min': case 'max': {
      if (!need(1, -1)) return invalid(e);
      const xs = e.args.map((a) => expr(c, a, hint));
      if (xs.some((x) => x.mode === 'invalid')) return invalid(e);
      // All operands must share one ordered type; untyped ones take the typed operand's type.
      const typed = xs.find((x) => isTyped(x.type));
      let allConst = xs.every((x) => x.mode === 'constant');
      let T = typed ? typed.type : xs.reduce<Type>((acc, x) => (rankOf(x.type) > rankOf(acc) ? x.type : acc), xs[0]!.type);
      for (const x of xs) {
        if (!isOrdered(x.type)) {
          c.error(x.expr.pos, `invalid argument: ${operandString(c, x)} cannot be ordered`);
          return invalid(e);
        }
        if (isUntyped(x.type)) {
          const before = operandString(c, x);
          const r = convertUntyped(c, x, T);
          if (r !== 'ok') {
            c.error(x.expr.pos, r === 'mismatch' ? `invalid argument: mismatched types ${c.typeStr(T)} (previous argument) and ${c.typeStr(x.type)} (type of ${exprString(x.expr)})` : `${before} ${r === 'overflows' ? 'overflows' : 'truncated to'} ${c.typeStr(T)}`);
            return invalid(e);
          }
          recordOperand(c, x);
        } else if (!identical(x.type, T)) {
          c.error(x.expr.pos, `invalid argument: mismatched types ${c.typeStr(T)} (previous argument) and ${c.typeStr(x.type)} (type of ${exprString(x.expr)})`);
          return invalid(e);
        }
      }
      if (allConst) {
        let best = xs[0]!.value!;
        for (const x of xs.slice(1)) {
          if (compareConst(name === 'min' ? '<' : '>', x.value!, best)) best = x.value!;
        }
        done(xs.map((x) => x.type), T);
        return { mode: 'constant', type: T, value: best, expr: e };
      }
      allConst = false;
      if (isUntyped(T)) { T = defaultType(T); for (const x of xs) { convertUntyped(c, x, T); recordOperand(c, x); } }
      return done(xs.map((x) => x.type), T);
    }
    case 'complex': {
      if (!need(2, 2)) return invalid(e);
      const re = expr(c, e.args[0]!), im = expr(c, e.args[1]!);
      if (re.mode === 'invalid' || im.mode === 'invalid') return invalid(e);
      const T = isTyped(re.type) ? re.type : isTyped(im.type) ? im.type : Typ.float64;
      for (const x of [re, im]) if (isUntyped(x.type)) { convertUntyped(c, x, T); recordOperand(c, x); }
      const k = (under(T) as { kind: string }).kind;
      const R = k === 'float32' ? Typ.complex64 : Typ.complex128;
      if (re.mode === 'constant' && im.mode === 'constant' && re.value && im.value && !isTyped(re.type) && !isTyped(im.type)) {
        return { mode: 'constant', type: Typ.untypedComplex, value: binaryOp('+', re.value, { kind: 'complex', re: 0, im: Number((im.value as { value: number }).value) }, false)!, expr: e };
      }
      return done([T, T], R);
    }
    case 'real': case 'imag': {
      if (!need(1, 1)) return invalid(e);
      const x = expr(c, e.args[0]!);
      if (x.mode === 'invalid') return invalid(e);
      if (isUntyped(x.type)) { convertUntyped(c, x, Typ.complex128); recordOperand(c, x); }
      const k = (under(x.type) as { kind?: string }).kind;
      if (k !== 'complex64' && k !== 'complex128') {
        c.error(x.expr.pos, `invalid argument: ${operandString(c, x)} must be of complex type`.replace(/^invalid argument: (.*) must be of complex type$/, 'invalid argument: argument has type ' + c.typeStr(x.type) + ', expected complex type'));
        return invalid(e);
      }
      return done([x.type], k === 'complex64' ? Typ.float32 : Typ.float64);
    }
  }
  return invalid(e);
}

function rankOf(t: Type): number {
  const k = (t as { kind?: string }).kind;
  return k === 'untyped float' ? 2 : k === 'untyped rune' ? 1 : 0;
}

/** A make size argument: a non-negative integer. Its constant value, null if not constant, false on error. */
function sizeArg(c: Checker, a: ast.Expr): bigint | null | false {
  const x = expr(c, a);
  if (x.mode === 'invalid') return false;
  if (isUntyped(x.type) && x.mode === 'constant') {
    const r = representable(x.value!, 'int');
    if (typeof r === 'string') {
      c.error(a.pos, r === 'truncated' ? `${operandString(c, x)} truncated to int` : `cannot use ${operandString(c, x)} as int value in argument to make`);
      return false;
    }
    convertUntyped(c, x, Typ.int);
    recordOperand(c, x);
  }
  if (!isInteger(x.type) && !(isFloat(x.type) && x.mode === 'constant')) {
    c.error(a.pos, `cannot convert ${operandString(c, x)} to type int`);
    return false;
  }
  if (x.mode === 'constant' && x.value?.kind === 'int') {
    if (x.value.value < 0n) { c.error(a.pos, `invalid argument: index ${operandString(c, x)} must not be negative`); return false; }
    return x.value.value;
  }
  return null;
}

function containsCallOrRecv(e: ast.Expr): boolean {
  let found = false;
  const visit = (n: ast.Expr | null): void => {
    if (!n || found) return;
    switch (n.kind) {
      case 'CallExpr': found = true; return;
      case 'UnaryExpr': if (n.op === '<-') { found = true; return; } visit(n.x); return;
      case 'ParenExpr': case 'StarExpr': visit(n.x); return;
      case 'SelectorExpr': visit(n.x); return;
      case 'IndexExpr': visit(n.x); visit(n.index); return;
      case 'BinaryExpr': visit(n.x); visit(n.y); return;
      default: return;
    }
  };
  visit(e);
  return found;
}

