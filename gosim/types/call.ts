// Calls (go/types' call.go, conversions.go): function and method calls with argument passing
// rules, conversions `T(x)`, and inference of type arguments for gosim's generic library
// functions. Builtins live in builtins.ts.
import type * as ast from '../syntax/ast.ts';
import {
  Basic, GoArray, GoMap, Chan, Pointer, Signature, Slice, Tuple, TypeParam, Var,
  type Type, type BuiltinName,
} from './types.ts';
import { Typ } from './universe.ts';
import type { Checker } from './check.ts';
import {
  under, identical, isUntyped, isInteger, isNumeric, isString, isFloat, isComplex, isConstType, isValid,
  defaultType, comparable, isInterface,
} from './predicates.ts';
import { representable, stringVal } from './constants.ts';
import { convertUntyped, invalid, operandString, recordOperand, type Operand } from './operand.ts';
import { assignment, assignableReason, implementsReason } from './assign.ts';
import { exprOrType, expr, rawExpr } from './expr.ts';
import { exprString, errorTypeString } from './typestring.ts';
import { builtinCall } from './builtins.ts';
import { constraintTerms } from './typexpr.ts';
import { substitute } from './instantiate.ts';
import { goString } from '../syntax/utf8.ts';

export function callExpr(c: Checker, e: ast.CallExpr, hint: Type | null): Operand {
  const f = exprOrType(c, e.fun);
  if (f.mode === 'invalid') {
    for (const a of e.args) rawExpr(c, a, null, true);
    return invalid(e);
  }
  if (f.mode === 'typexpr') return conversion(c, e, f.type);
  if (f.mode === 'builtin') {
    const name = (e.fun.kind === 'Ident' ? e.fun.name : (e.fun as ast.ParenExpr).x.kind === 'Ident' ? ((e.fun as ast.ParenExpr).x as ast.Ident).name : '') as BuiltinName;
    return builtinCall(c, e, name, hint);
  }
  const u = under(f.type);
  if (u.tag !== 'Signature') {
    for (const a of e.args) expr(c, a);
    c.error(e.fun.pos, `invalid operation: cannot call ${operandString(c, f)}: ${c.typeStr(f.type)} is not a function`);
    return invalid(e);
  }
  let sig = u;
  const args = callArgs(c, e, sig);
  if (!args) return invalid(e);
  if (args.some((a) => a.mode === 'invalid')) {
    // go/types still checks the other arguments (and their count) against the parameters.
    if (!sig.typeParams.length) passArgs(c, e, sig, args);
    return invalid(e);
  }
  if (sig.typeParams.length) {
    const inst = infer(c, e, sig, args);
    if (!inst) return invalid(e);
    sig = inst;
    c.record(e.fun, { mode: 'value', type: sig });
  }
  if (!passArgs(c, e, sig, args)) return resultOperand(e, sig, true);
  return resultOperand(e, sig, false);
}

function resultOperand(e: ast.CallExpr, sig: Signature, failed: boolean): Operand {
  void failed;
  const r = sig.results.vars;
  if (r.length === 0) return { mode: 'novalue', type: new Tuple([]), expr: e };
  if (r.length === 1) return { mode: 'value', type: r[0]!.type, expr: e };
  return { mode: 'value', type: sig.results, expr: e };
}

/** Evaluate the arguments; a single call returning several values spreads into them. */
function callArgs(c: Checker, e: ast.CallExpr, sig: Signature): Operand[] | null {
  if (e.args.length === 1 && !e.ellipsis) {
    const a = e.args[0]!;
    const hint = sig.params.vars.length === 1 && !sig.typeParams.length ? sig.params.vars[0]!.type : null;
    const x = rawExpr(c, a, hint, false);
    if (x.mode === 'invalid') return null;
    if (x.type.tag === 'Tuple' && x.mode !== 'novalue') return x.type.vars.map((v) => ({ mode: 'value' as const, type: v.type, expr: a }));
    if (x.mode === 'novalue') { c.error(a.pos, `${operandString(c, x)} used as value`); return null; }
    if (x.mode === 'typexpr' || x.mode === 'builtin') { c.error(a.pos, `${exprString(a)} (type) is not an expression`); return null; }
    return [x];
  }
  const out: Operand[] = [];
  e.args.forEach((a, i) => {
    const pv = sig.params.vars;
    let hint: Type | null = null;
    if (!sig.typeParams.length) {
      if (sig.variadic && i >= pv.length - 1 && !e.ellipsis) hint = (pv[pv.length - 1]!.type as Slice).elem;
      else hint = pv[i]?.type ?? null;
    }
    out.push(expr(c, a, hint));
  });
  return out;
}

function passArgs(c: Checker, e: ast.CallExpr, sig: Signature, args: Operand[]): boolean {
  const params = sig.params.vars;
  const fname = exprString(e.fun);
  const nargs = args.length;
  let npars = params.length;
  if (e.ellipsis) {
    if (!sig.variadic) {
      c.error(e.args[e.args.length - 1]!.pos, `have (...) but function is not variadic: ${fname}`.replace('have (...) but function is not variadic', `cannot use ... in call to non-variadic ${fname}`).replace(`: ${fname}`, ''));
      return false;
    }
  }
  const ddd = !!e.ellipsis;
  const countOk = sig.variadic && !ddd ? nargs >= npars - 1 : nargs === npars;
  if (!countOk) {
    const tooMany = sig.variadic && !ddd ? false : nargs > npars;
    let at: ast.Pos;
    if (tooMany) at = args[npars]!.expr.pos;
    else if (nargs > 0) at = args[nargs - 1]!.expr.pos;
    else at = e.pos;
    const have = '(' + args.map((a) => summaryType(c, a)).join(', ') + (ddd ? '...' : '') + ')';
    const want = '(' + params.map((p, i) => (sig.variadic && i === params.length - 1 ? '...' + c.typeStr((p.type as Slice).elem) : c.typeStr(p.type))).join(', ') + ')';
    c.error(at, `${tooMany ? 'too many' : 'not enough'} arguments in call to ${fname}\n\thave ${have}\n\twant ${want}`);
    return false;
  }
  let ok = true;
  args.forEach((a, i) => {
    let T: Type;
    if (sig.variadic && !ddd && i >= npars - 1) T = (params[npars - 1]!.type as Slice).elem;
    else T = params[i]!.type;
    if (!assignment(c, a, T, `argument to ${fname}`)) ok = false;
  });
  void npars;
  npars = 0;
  return ok;
}

/** Types in `have (...)` lists: untyped numeric constants print as `number`. */
function summaryType(c: Checker, x: Operand): string {
  if (isUntyped(x.type)) {
    if (x.mode === 'nilvalue') return 'nil';
    if (isNumeric(x.type)) return 'number';
    return c.typeStr(defaultType(x.type));
  }
  return c.typeStr(x.type);
}

// ---------------------------------------------------------------- conversions

export function conversion(c: Checker, e: ast.CallExpr, T: Type): Operand {
  if (e.args.length !== 1) {
    for (const a of e.args) expr(c, a);
    const ts = c.typeStr(T);
    if (e.args.length === 0) c.error(e.end.col > 1 ? { ...e.end, col: e.end.col - 1 } : e.pos, `missing argument in conversion to ${ts}`);
    else c.error(e.args[1]!.pos, `too many arguments in conversion to ${ts}`);
    return invalid(e);
  }
  const x = expr(c, e.args[0]!, T);
  if (x.mode === 'invalid' || !isValid(T)) return invalid(e);
  const ts = c.typeStr(T);
  const Tu = under(T);
  if (x.mode === 'constant' && x.value && isConstType(T)) {
    const k = (Tu as Basic).kind;
    // Integer -> string makes the string of that rune.
    if (isString(Tu) && isInteger(x.type) && x.value.kind === 'int') {
      const v = x.value.value;
      const cp = v >= 0n && v <= 0x10ffffn && !(v >= 0xd800n && v <= 0xdfffn) ? Number(v) : 0xfffd;
      convertUntyped(c, x, defaultType(x.type));
      recordOperand(c, x);
      return { mode: 'constant', type: T, value: stringVal(goString(String.fromCodePoint(cp))), expr: e };
    }
    const r = representable(x.value, k);
    if (typeof r !== 'string' && (isNumeric(Tu) === isNumeric(x.type)) && (isString(Tu) === isString(x.type))) {
      if (isUntyped(x.type)) { const xs = { ...x }; convertUntyped(c, xs, T); recordOperand(c, xs); }
      return { mode: 'constant', type: T, value: r, expr: e };
    }
    // go/types words only integer-to-integer failures as overflows (go.dev/issue/63563); any
    // other constant conversion is "cannot convert", showing an integral float as the integer
    // it was already rounded to.
    if (r === 'overflows' && isInteger(Tu) && isInteger(x.type)) {
      c.error(x.expr.pos, `constant ${valueStr(x)} overflows ${ts}`);
      return invalid(e);
    }
    if (r === 'truncated' || r === 'overflows') {
      const i = isInteger(Tu) && x.value.kind === 'float' && x.value.den === 1n ? { ...x, value: { kind: 'int' as const, value: x.value.num } } : x;
      c.error(x.expr.pos, `cannot convert ${operandString(c, i)} to type ${ts}`);
      return invalid(e);
    }
  }
  if (!convertible(c, x, T)) {
    c.error(x.expr.pos, `cannot convert ${operandString(c, x)} to type ${ts}`);
    return invalid(e);
  }
  if (isUntyped(x.type)) {
    const target = isInterface(T) || (isString(Tu) && isInteger(x.type)) || !isConstType(T) ? defaultType(x.type) : T;
    if (x.mode === 'nilvalue') x.type = T;
    else convertUntyped(c, x, target);
    recordOperand(c, x);
  }
  return { mode: 'value', type: T, expr: e };
}

function valueStr(x: Operand): string {
  const v = x.value!;
  return v.kind === 'int' ? v.value.toString() : '';
}

function convertible(c: Checker, x: Operand, T: Type): boolean {
  if (x.mode === 'nilvalue') return assignableReason(c, x, T) === null;
  const V = isUntyped(x.type) ? defaultType(x.type) : x.type;
  if (assignableReason(c, { ...x, type: V }, T) === null) return true;
  const Vu = under(V), Tu = under(T);
  if (identicalIgnoreTags(Vu, Tu)) return true;
  if (V.tag === 'Pointer' && T.tag === 'Pointer' && identical(under(V.elem), under(T.elem))) return true;
  if ((isInteger(Vu) || isFloat(Vu)) && (isInteger(Tu) || isFloat(Tu))) return true;
  if (isComplex(Vu) && isComplex(Tu)) return true;
  if (isString(Tu) && (isInteger(Vu) || isBytesOrRunes(Vu))) return true;
  if (isString(Vu) && isBytesOrRunes(Tu)) return true;
  if (Vu.tag === 'Slice') {
    if (Tu.tag === 'Array' && identical(Vu.elem, Tu.elem)) return true;
    if (Tu.tag === 'Pointer' && under(Tu.elem).tag === 'Array' && identical(Vu.elem, (under(Tu.elem) as GoArray).elem)) return true;
  }
  return false;
}

function identicalIgnoreTags(a: Type, b: Type): boolean { return identical(a, b); }

function isBytesOrRunes(t: Type): boolean {
  if (t.tag !== 'Slice') return false;
  const e = under(t.elem);
  return e.tag === 'Basic' && (e.kind === 'uint8' || e.kind === 'int32');
}

// ---------------------------------------------------------------- generic library functions

/** Infer type arguments from the arguments (go/types' infer, for the shapes the library uses). */
function infer(c: Checker, e: ast.CallExpr, sig: Signature, args: Operand[]): Signature | null {
  const tps = sig.typeParams;
  const subst = new Map<TypeParam, Type>();
  const params = sig.params.vars;
  const untypedFor = new Map<TypeParam, Operand>();
  args.forEach((a, i) => {
    let pt: Type | undefined;
    if (sig.variadic && !e.ellipsis && i >= params.length - 1) pt = (params[params.length - 1]!.type as Slice).elem;
    else pt = params[i]?.type;
    if (!pt) return;
    if (isUntyped(a.type)) {
      if (pt.tag === 'TypeParam' && a.mode !== 'nilvalue' && !untypedFor.has(pt)) untypedFor.set(pt, a);
      return;
    }
    unify(pt, a.type, subst);
  });
  // Core types of constraints (`S ~[]E`) determine the remaining parameters.
  for (let round = 0; round < 3; round++) {
    for (const tp of tps) {
      const bound = subst.get(tp);
      const terms = tp.constraint.tag === 'Interface' ? constraintTerms.get(tp.constraint) : undefined;
      if (bound && terms && terms.length === 1) unify(terms[0]!.type, under(bound), subst);
    }
  }
  for (const [tp, a] of untypedFor) {
    if (!subst.has(tp)) {
      const d = defaultType(a.type);
      subst.set(tp, d);
    }
  }
  const fname = exprString(e.fun);
  for (const tp of tps) {
    if (!subst.has(tp)) {
      c.error(e.pos, `in call to ${fname}, cannot infer ${tp.name}`);
      return null;
    }
  }
  for (const tp of tps) {
    const t = subst.get(tp)!;
    const why = satisfies(c, t, tp, subst);
    if (why) {
      c.error(e.lparen, `${c.typeStr(t)} does not satisfy ${why}`);
      return null;
    }
  }
  c.info.instances.set(e.id, tps.map((tp) => subst.get(tp)!));
  const sp = (t: Type) => substitute(t, subst);
  return new Signature(
    new Tuple(sig.params.vars.map((v) => new Var(v.name, sp(v.type), v.pos, v.pkg, false, true))),
    new Tuple(sig.results.vars.map((v) => new Var(v.name, sp(v.type), v.pos, v.pkg))),
    sig.variadic, sig.recv,
  );
}

function satisfies(c: Checker, t: Type, tp: TypeParam, subst: Map<TypeParam, Type>): string | null {
  const k = tp.constraint;
  if (k.tag === 'Named' && k.obj.name === 'comparable' && k.pkg === '') {
    return comparable(t) ? null : 'comparable';
  }
  const u = under(k);
  if (u.tag !== 'Interface') return null;
  const terms = constraintTerms.get(u);
  if (terms && terms.length) {
    const ok = terms.some((term) => {
      const tt = substitute(term.type, subst);
      return term.tilde ? identical(under(t), under(tt)) : identical(t, tt);
    });
    if (!ok) return `${errorTypeString(k, c.pkg)} (${c.typeStr(t)} missing in ${terms.map((x) => (x.tilde ? '~' : '') + c.typeStr(x.type)).join(' | ')})`;
  }
  if (u.allMethods.length) {
    const r = implementsReason(c, t, u, k);
    if (r) return errorTypeString(k, c.pkg);
  }
  return null;
}

function unify(p: Type, a: Type, subst: Map<TypeParam, Type>): void {
  if (p.tag === 'TypeParam') {
    if (!subst.has(p)) subst.set(p, a);
    return;
  }
  const au = a.tag === 'Named' && p.tag !== 'Named' ? under(a) : a;
  switch (p.tag) {
    case 'Slice': if (au.tag === 'Slice') unify(p.elem, au.elem, subst); break;
    case 'Pointer': if (au.tag === 'Pointer') unify(p.elem, au.elem, subst); break;
    case 'Array': if (au.tag === 'Array') unify(p.elem, au.elem, subst); break;
    case 'Chan': if (au.tag === 'Chan') unify(p.elem, au.elem, subst); break;
    case 'Map': if (au.tag === 'Map') { unify(p.key, au.key, subst); unify(p.elem, au.elem, subst); } break;
    case 'Named':
      // An instance (iter.Seq[K]) unifies argument by argument with another instance of the same
      // generic type, and through its underlying type with anything else (a func literal).
      if (p.orig) {
        if (a.tag === 'Named' && a.orig === p.orig) p.typeArgs.forEach((x, i) => unify(x, a.typeArgs[i]!, subst));
        else unify(under(p), under(a), subst);
      }
      break;
    case 'Signature':
      if (au.tag === 'Signature') {
        p.params.vars.forEach((v, i) => { const w = au.params.vars[i]; if (w) unify(v.type, w.type, subst); });
        p.results.vars.forEach((v, i) => { const w = au.results.vars[i]; if (w) unify(v.type, w.type, subst); });
      }
      break;
    default: break;
  }
}

