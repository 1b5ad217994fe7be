// Expressions (go/types' expr.go, index.go, selector parts of call.go): every expression gets
// its type, mode and constant value recorded in Info.types.
import type * as ast from '../syntax/ast.ts';
import { Basic, Pointer, Signature, Slice, Tuple, Var, type ConstValue, type Interface, type Type } from './types.ts';
import { Typ, byteType } from './universe.ts';
import type { Checker } from './check.ts';
import {
  under, isUntyped, isInteger, isString, isInterface, lookupFieldOrMethod, pointerRecv, isValid, isExported,
} from './predicates.ts';
import { literalValue, toInt } from './constants.ts';
import { convertUntyped, invalid, operandString, recordOperand, type Operand } from './operand.ts';
import { assignment, implementsReason } from './assign.ts';
import { typExpr, funcType } from './typexpr.ts';
import { exprString } from './typestring.ts';
import { objDecl } from './decl.ts';
import { callExpr } from './call.ts';
import { funcLitBody } from './stmt.ts';
import { compositeLit } from './composite.ts';
import { unary, binary } from './operators.ts';

/** Check e as a single value; errors for types, no-value calls and tuples. */
export function expr(c: Checker, e: ast.Expr, hint: Type | null = null): Operand {
  const x = rawExpr(c, e, hint, false);
  singleValue(c, x);
  return x;
}

/** Check e, which may also be a type. */
export function exprOrType(c: Checker, e: ast.Expr): Operand {
  const x = rawExpr(c, e, null, true);
  if (x.mode === 'novalue') {
    c.error(e.pos, `${operandString(c, x)} used as value`);
    x.mode = 'invalid';
  }
  return x;
}

function singleValue(c: Checker, x: Operand): void {
  if (x.mode === 'invalid') return;
  if (x.mode === 'typexpr') {
    c.error(x.expr.pos, `${exprString(x.expr)} (type) is not an expression`);
    x.mode = 'invalid';
  } else if (x.mode === 'novalue') {
    c.error(x.expr.pos, `${operandString(c, x)} used as value`);
    x.mode = 'invalid';
  } else if (x.mode === 'builtin') {
    c.error(x.expr.pos, `${operandString(c, x)} must be called`);
    x.mode = 'invalid';
  } else if (x.type.tag === 'Tuple') {
    c.error(x.expr.pos, `multiple-value ${exprString(x.expr)} (value of type ${c.typeStr(x.type)}) in single-value context`);
    x.mode = 'invalid';
  }
}

/**
 * The values of a right-hand side that must produce `want` values: either one expression each,
 * or one call returning a tuple, or a comma-ok form. Null if an operand was invalid.
 */
export function multiExpr(c: Checker, es: ast.Expr[], want: number): Operand[] | null {
  if (es.length !== 1) {
    const xs = es.map((e) => expr(c, e));
    return xs.some((x) => x.mode === 'invalid') ? null : xs;
  }
  const e = es[0]!;
  const x = rawExpr(c, e, null, false);
  if (x.mode === 'invalid') return null;
  if (x.type.tag === 'Tuple') {
    return x.type.vars.map((v) => ({ mode: 'value', type: v.type, expr: e }));
  }
  if (want === 2 && (x.mode === 'commaok' || x.mode === 'mapindex')) {
    // v, ok := m[k] / x.(T) / <-ch: the expression is recorded with its (value, ok) tuple.
    c.record(e, { mode: 'commaok', type: new Tuple([new Var('', x.type, null, null), new Var('', Typ.untypedBool, null, null)]) });
    return [{ mode: 'value', type: x.type, expr: e }, { mode: 'value', type: Typ.untypedBool, expr: { ...e, id: -1 } }];
  }
  singleValue(c, x);
  return (x.mode as string) === 'invalid' ? null : [x];
}

/** A constant expression's value (array lengths, ...); reports and returns null otherwise. */
export function constExpr(c: Checker, e: ast.Expr): { value: ConstValue; type: Type; desc: string } | null {
  const x = expr(c, e);
  if (x.mode === 'invalid') return null;
  if (x.mode !== 'constant' || !x.value) {
    c.error(e.pos, `array length ${exprString(e)} (${operandString(c, x).replace(/^.*? \(/, '').replace(/\)$/, '')}) must be constant`);
    return null;
  }
  if (isUntyped(x.type)) convertUntyped(c, x, Typ.int);
  recordOperand(c, x);
  const desc = operandString(c, x).slice(exprString(e).length + 2, -1);
  return { value: x.value, type: x.type, desc };
}

export function rawExpr(c: Checker, e: ast.Expr, hint: Type | null, allowType: boolean): Operand {
  let x: Operand;
  try {
    x = exprInternal(c, e, hint);
  } catch (err) {
    if (err instanceof Error && err.name === 'TooManyErrors') throw err;
    if (err instanceof Error && err.constructor.name === 'TooManyErrors') throw err;
    c.error(e.pos, `internal error in gosim's type checker: ${err instanceof Error ? err.message : String(err)}`);
    x = invalid(e);
  }
  if (x.mode === 'typexpr' && !allowType) {
    c.error(e.pos, `${exprString(e)} (type) is not an expression`);
    return invalid(e);
  }
  recordOperand(c, x);
  return x;
}

const typeExprKinds = new Set(['ArrayType', 'StructType', 'FuncType', 'InterfaceType', 'MapType', 'ChanType']);

function exprInternal(c: Checker, e: ast.Expr, hint: Type | null): Operand {
  if (typeExprKinds.has(e.kind)) return { mode: 'typexpr', type: typExpr(c, e), expr: e };
  switch (e.kind) {
    case 'BadExpr': return invalid(e);
    case 'Ident': return ident(c, e);
    case 'BasicLit': {
      const v = literalValue(e.litKind, e.raw);
      if (!v) { c.error(e.pos, `malformed constant: ${e.raw}`); return invalid(e); }
      const t = { INT: Typ.untypedInt, FLOAT: Typ.untypedFloat, IMAG: Typ.untypedComplex, CHAR: Typ.untypedRune, STRING: Typ.untypedString }[e.litKind];
      return { mode: 'constant', type: t, value: v, expr: e };
    }
    case 'ParenExpr': {
      const x = rawExpr(c, e.x, hint, true);
      return { ...x, expr: e };
    }
    case 'FuncLit': {
      // Some checks look at an operand twice (a go statement's callee, then its call; an
      // argument list tried, then checked): the body is checked once, or nested literals would
      // cost twice as much per level.
      const seen = c.info.types.get(e.id);
      if (seen !== undefined) return { mode: 'value', type: seen.type, expr: e };
      c.openScope(true);
      const sig = funcType(c, e.type, null);
      c.closeScope();
      funcLitBody(c, sig, e);
      return { mode: 'value', type: sig, expr: e };
    }
    case 'CompositeLit': return compositeLit(c, e, hint);
    case 'SelectorExpr': return selector(c, e);
    case 'IndexExpr': return indexExpr(c, e);
    case 'IndexListExpr': {
      c.error(e.pos, 'explicit instantiation is not supported by gosim; let the arguments decide the types');
      return invalid(e);
    }
    case 'SliceExpr': return sliceExpr(c, e);
    case 'TypeAssertExpr': return typeAssert(c, e);
    case 'CallExpr': return callExpr(c, e, hint);
    case 'StarExpr': {
      const x = exprOrType(c, e.x);
      if (x.mode === 'invalid') return invalid(e);
      if (x.mode === 'typexpr') return { mode: 'typexpr', type: new Pointer(x.type), expr: e };
      if (x.mode === 'nilvalue') { c.error(e.pos, 'invalid operation: cannot indirect nil'); return invalid(e); }
      const u = under(x.type);
      if (u.tag !== 'Pointer') {
        c.error(e.pos, `invalid operation: cannot indirect ${operandString(c, x)}`);
        return invalid(e);
      }
      return { mode: 'variable', type: u.elem, expr: e };
    }
    case 'UnaryExpr': return unary(c, e, hint);
    case 'BinaryExpr': return binary(c, e, hint);
    case 'KeyValueExpr': c.error(e.pos, 'unexpected key:value expression'); return invalid(e);
    case 'Ellipsis': c.error(e.pos, 'invalid use of ...'); return invalid(e);
    default: return invalid(e);
  }
}

function ident(c: Checker, e: ast.Ident): Operand {
  if (e.name === '_') {
    c.error(e.pos, 'cannot use _ as value');
    return invalid(e);
  }
  const obj = c.scope.lookup(e.name);
  if (!obj) {
    c.error(e.pos, `undefined: ${e.name}`);
    return invalid(e);
  }
  c.use(e, obj);
  switch (obj.tag) {
    case 'Var':
      objDecl(c, obj);
      obj.used = true;
      if (!isValid(obj.type)) return invalid(e);
      return { mode: 'variable', type: obj.type, expr: e };
    case 'Const': {
      if (obj.name === 'iota' && obj.pos === null) {
        if (c.iota === null) { c.error(e.pos, 'cannot use iota outside constant declaration'); return invalid(e); }
        return { mode: 'constant', type: Typ.untypedInt, value: { kind: 'int', value: c.iota }, expr: e };
      }
      objDecl(c, obj);
      if (!isValid(obj.type)) return invalid(e);
      return { mode: 'constant', type: obj.type, value: obj.value, expr: e };
    }
    case 'TypeName':
      objDecl(c, obj);
      return { mode: 'typexpr', type: obj.type, expr: e };
    case 'Func':
      objDecl(c, obj);
      if (!obj.type) return invalid(e);
      return { mode: 'value', type: obj.type, expr: e };
    case 'Builtin': return { mode: 'builtin', type: Typ.invalid, expr: e };
    case 'Nil': return { mode: 'nilvalue', type: Typ.untypedNil, expr: e };
    case 'PkgName':
      obj.used = true;
      c.error(e.pos, `use of package ${obj.name} without selector`);
      return invalid(e);
    default:
      return invalid(e);
  }
}

function selector(c: Checker, e: ast.SelectorExpr): Operand {
  const sel = e.sel.name;
  if (e.x.kind === 'Ident') {
    const obj = c.scope.lookup(e.x.name);
    if (obj && obj.tag === 'PkgName') {
      obj.used = true;
      c.use(e.x, obj);
      const pkg = c.importPackage(obj.path);
      const m = pkg?.lookup(sel);
      if (!m || !isExported(sel)) {
        c.error(e.sel.pos, m ? `name ${sel} not exported by package ${obj.name}` : `undefined: ${e.x.name}.${sel}`);
        return invalid(e);
      }
      c.use(e.sel, m);
      switch (m.tag) {
        case 'Const': return { mode: 'constant', type: m.type, value: m.value, expr: e };
        case 'Var': return { mode: 'variable', type: m.type, expr: e };
        case 'Func': return { mode: 'value', type: m.type, expr: e };
        case 'TypeName': return { mode: 'typexpr', type: m.type, expr: e };
        default: return invalid(e);
      }
    }
  }
  const x = exprOrType(c, e.x);
  if (x.mode === 'invalid') return invalid(e);
  if (x.mode === 'nilvalue') { c.error(e.pos, `${exprString(e)} undefined (type untyped nil has no field or method ${sel})`); return invalid(e); }
  if (x.mode === 'typexpr') {
    // Method expression T.M or (*T).M.
    const T = x.type;
    const r = lookupFieldOrMethod(T, false, c.pkg, sel);
    if (r.kind !== 'method' || !r.method) {
      c.error(e.sel.pos, `${exprString(e)} undefined (type ${c.typeStr(T)} has no method ${sel})`);
      return invalid(e);
    }
    if (T.tag !== 'Pointer' && !isInterface(T) && pointerRecv(r.method) && !r.indirect) {
      c.error(e.pos, `invalid method expression ${exprString(e)} (needs pointer receiver (*${c.typeStr(T)}).${sel})`);
      return invalid(e);
    }
    c.use(e.sel, r.method);
    const sig = r.method.type;
    const params = [new Var('', T, null, c.pkg, false, true), ...sig.params.vars];
    c.info.selections.set(e.id, { kind: 'methodExpr', path: r.path, method: r.method, indirect: r.indirect, addressOf: false });
    return { mode: 'value', type: new Signature(new Tuple(params), sig.results, sig.variadic), expr: e };
  }
  if (x.type.tag === 'Tuple') { singleValue(c, x); return invalid(e); }
  const T = x.type;
  if (T.tag === 'Pointer' && isInterface(T.elem) && T.elem.tag !== 'TypeParam') {
    c.error(e.sel.pos, `${exprString(e)} undefined (type ${c.typeStr(T)} is pointer to interface, not interface)`);
    return invalid(e);
  }
  const r = lookupFieldOrMethod(T, x.mode === 'variable', c.pkg, sel);
  if (r.kind === 'none' || r.kind === 'ambiguous') {
    const hidden = r.kind === 'none' ? lookupFieldOrMethod(T, true, '*', sel) : r;
    if (r.kind === 'ambiguous') c.error(e.sel.pos, `ambiguous selector ${exprString(e)}`);
    else if (hidden.kind === 'field' || hidden.kind === 'method') c.error(e.sel.pos, `${exprString(e)} undefined (cannot refer to unexported ${hidden.kind} ${sel})`);
    else c.error(e.sel.pos, `${exprString(e)} undefined (type ${c.typeStr(T)} has no field or method ${sel}${otherCase(c, T, sel)})`);
    return invalid(e);
  }
  if (r.kind === 'field') {
    const fobj = fieldObject(T, r.path);
    if (fobj) c.use(e.sel, fobj);
    c.info.selections.set(e.id, { kind: 'field', path: r.path, method: null, indirect: r.indirect, addressOf: false });
    const mode = x.mode === 'variable' || r.indirect ? 'variable' : 'value';
    return { mode, type: r.field!.type, expr: e };
  }
  const m = r.method!;
  c.use(e.sel, m);
  let addressOf = false;
  if (pointerRecv(m) && !r.indirect && under(T).tag !== 'Interface') {
    if (x.mode !== 'variable') {
      c.error(e.sel.pos, `cannot call pointer method ${sel} on ${c.typeStr(T)}`);
      return invalid(e);
    }
    addressOf = true;
  }
  c.info.selections.set(e.id, { kind: 'method', path: r.path, method: m, indirect: r.indirect, addressOf });
  const sig = m.type;
  return { mode: 'value', type: new Signature(sig.params, sig.results, sig.variadic), expr: e };
}

function otherCase(c: Checker, T: Type, sel: string): string {
  const alt = sel[0] === sel[0]!.toUpperCase() ? sel[0]!.toLowerCase() + sel.slice(1) : sel[0]!.toUpperCase() + sel.slice(1);
  const r = lookupFieldOrMethod(T, true, c.pkg, alt);
  if (r.kind === 'field') return `, but does have field ${alt}`;
  if (r.kind === 'method') return `, but does have method ${alt}`;
  return '';
}

function fieldObject(T: Type, path: number[]): Var | null {
  let t = T;
  let f: { name: string; type: Type } | undefined;
  for (const i of path) {
    if (t.tag === 'Pointer') t = t.elem;
    const s = under(t);
    if (s.tag !== 'Struct') return null;
    f = s.fields[i];
    if (!f) return null;
    t = f.type;
  }
  return f ? new Var(f.name, f.type, null, null, true) : null;
}

function indexExpr(c: Checker, e: ast.IndexExpr): Operand {
  const x = exprOrType(c, e.x);
  if (x.mode === 'invalid') { expr(c, e.index); return invalid(e); }
  if (x.mode === 'typexpr') {
    c.error(e.pos, 'generic types are not supported by gosim');
    return invalid(e);
  }
  if (x.type.tag === 'Signature' && x.type.typeParams.length) {
    c.error(e.pos, 'explicit instantiation is not supported by gosim; let the arguments decide the types');
    return invalid(e);
  }
  const u = under(x.type);
  let length = -1;
  let result: Operand;
  switch (u.tag) {
    case 'Basic':
      if (isString(u)) {
        if (x.mode === 'constant' && x.value?.kind === 'string') length = x.value.value.length;
        result = { mode: 'value', type: byteType, expr: e };
        break;
      }
      return notIndexable(c, e, x);
    case 'Array':
      length = u.len;
      result = { mode: x.mode === 'variable' ? 'variable' : 'value', type: u.elem, expr: e };
      break;
    case 'Pointer': {
      const a = under(u.elem);
      if (a.tag !== 'Array') return notIndexable(c, e, x);
      length = a.len;
      result = { mode: 'variable', type: a.elem, expr: e };
      break;
    }
    case 'Slice': result = { mode: 'variable', type: u.elem, expr: e }; break;
    case 'Map': {
      const k = expr(c, e.index);
      assignment(c, k, u.key, 'map index');
      return { mode: 'mapindex', type: u.elem, expr: e };
    }
    default: return notIndexable(c, e, x);
  }
  index(c, e.index, length);
  return result;
}

function notIndexable(c: Checker, e: ast.IndexExpr, x: Operand): Operand {
  expr(c, e.index);
  c.error(e.x.pos, `invalid operation: cannot index ${operandString(c, x)}`);
  return invalid(e);
}

/** Check an index (or slice bound) against a constant length (-1 if unknown). Returns its constant value or -1. */
function index(c: Checker, ie: ast.Expr, length: number): number {
  const x = expr(c, ie);
  if (x.mode === 'invalid') return -1;
  if (x.mode === 'constant' && isUntyped(x.type)) {
    if (convertUntyped(c, x, Typ.int) !== 'ok') {
      const v = x.value;
      if (v && v.kind !== 'int' && !(v.kind === 'float' && v.den === 1n)) {
        c.error(ie.pos, `${operandString(c, x)} truncated to int`);
      } else c.error(ie.pos, `invalid argument: index ${operandString(c, x)} overflows int`);
      return -1;
    }
    recordOperand(c, x);
  }
  if (!isInteger(x.type)) {
    c.error(ie.pos, `invalid argument: index ${operandString(c, x)} must be integer`);
    return -1;
  }
  if (x.mode === 'constant' && x.value) {
    const v = toInt(x.value)!;
    if (v < 0n) { c.error(ie.pos, `invalid argument: index ${operandString(c, x)} must not be negative`); return -1; }
    if (length >= 0 && v >= BigInt(length)) {
      c.error(ie.pos, `invalid argument: index ${exprString(ie)} out of bounds [0:${length}]`);
      return -1;
    }
    return Number(v);
  }
  return -1;
}

function sliceExpr(c: Checker, e: ast.SliceExpr): Operand {
  const x = expr(c, e.x);
  if (x.mode === 'invalid') { for (const b of [e.low, e.high, e.max]) if (b) expr(c, b); return invalid(e); }
  const u = under(x.type);
  let length = -1;
  let result: Type;
  switch (u.tag) {
    case 'Basic':
      if (!isString(u)) return cannotSlice(c, e, x);
      if (e.slice3) { c.error(e.pos, `invalid operation: 3-index slice of string`); return invalid(e); }
      if (x.mode === 'constant' && x.value?.kind === 'string') length = x.value.value.length;
      result = isUntyped(u) ? Typ.string : x.type;
      break;
    case 'Array':
      if (x.mode !== 'variable') {
        c.error(e.pos, `invalid operation: ${exprString(e.x)} (slice of unaddressable value)`);
        return invalid(e);
      }
      length = u.len;
      result = new Slice(u.elem);
      break;
    case 'Pointer': {
      const a = under(u.elem);
      if (a.tag !== 'Array') return cannotSlice(c, e, x);
      length = a.len;
      result = new Slice(a.elem);
      break;
    }
    case 'Slice': result = x.type; break;
    default: return cannotSlice(c, e, x);
  }
  const cap = length >= 0 ? length + 1 : -1;
  const vals: number[] = [];
  for (const b of [e.low, e.high, e.max]) if (b) vals.push(index(c, b, cap));
  const known = vals.filter((v) => v >= 0);
  for (let i = 1; i < known.length; i++) {
    if (known[i]! < known[i - 1]!) { c.error(e.pos, `invalid slice indices: ${known[i]} < ${known[i - 1]}`); break; }
  }
  return { mode: 'value', type: result, expr: e };
}

function cannotSlice(c: Checker, e: ast.SliceExpr, x: Operand): Operand {
  c.error(e.x.pos, `cannot slice ${operandString(c, x)}`);
  return invalid(e);
}

function typeAssert(c: Checker, e: ast.TypeAssertExpr): Operand {
  const x = expr(c, e.x);
  if (!e.type) {
    c.error(e.pos, 'invalid syntax tree: use of .(type) outside type switch');
    return invalid(e);
  }
  const T = typExpr(c, e.type);
  if (x.mode === 'invalid' || !isValid(T)) return invalid(e);
  if (!isInterface(x.type)) {
    c.error(e.x.pos, `invalid operation: ${exprString(e.x)} (${operandString(c, x).slice(exprString(e.x).length + 2, -1)}) is not an interface`);
    return invalid(e);
  }
  assertable(c, x.type, T, e, `impossible type assertion: ${exprString(e)}`);
  return { mode: 'commaok', type: T, expr: e };
}

/** Report when a value of interface type xt can never hold a T. */
export function assertable(c: Checker, xt: Type, T: Type, at: ast.Node, prefix: string): boolean {
  if (isInterface(T)) return true;
  const why = implementsReason(c, T, under(xt) as Interface, xt);
  if (why !== null) {
    c.error(at.pos, `${prefix}\n\t${why}`);
    return false;
  }
  return true;
}

