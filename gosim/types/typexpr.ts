// Types written in the source: `[]T`, `map[K]V`, `func(int) string`, struct and interface
// literals, qualified names, and the type-parameter lists of gosim's generic library functions.
import type * as ast from '../syntax/ast.ts';
import {
  Chan, Field, Func, GoArray, GoMap, Interface, Pointer, Signature, Slice, Struct, Tuple, TypeName, TypeParam, Var,
  type GoObject, type Named, type Type,
} from './types.ts';
import { Typ, emptyInterface } from './universe.ts';
import type { Checker } from './check.ts';
import { isValid, isInteger, under, isExported, isUntyped, comparable } from './predicates.ts';
import { exprString } from './typestring.ts';
import { objDecl } from './decl.ts';
import { constExpr } from './expr.ts';
import { instantiate } from './instantiate.ts';

/** A term of a constraint's type set: `~[]E` is {tilde: true, type: []E}. */
export interface Term { tilde: boolean; type: Type }
/** Type-set terms of constraint interfaces (go/types' Union), kept beside the shared type model. */
export const constraintTerms = new WeakMap<Interface, Term[]>();

export function typExpr(c: Checker, e: ast.Expr): Type {
  const t = typExprInternal(c, e);
  if (t.tag === 'Named' && t.typeParams.length && (e.kind === 'Ident' || e.kind === 'SelectorExpr')) {
    c.error(e.pos, `cannot use generic type ${c.typeStr(t)}${typeParamList(c, t.typeParams)} without instantiation`);
    c.record(e, { mode: 'typexpr', type: Typ.invalid });
    return Typ.invalid;
  }
  c.record(e, { mode: 'typexpr', type: t });
  return t;
}

/** `[K comparable, V any]` as go/types prints a type parameter list (equal constraints grouped). */
function typeParamList(c: Checker, tps: readonly TypeParam[]): string {
  const parts: string[] = [];
  tps.forEach((tp, i) => {
    const next = tps[i + 1];
    const cs = c.typeStr(tp.constraint);
    parts.push(next && c.typeStr(next.constraint) === cs ? tp.name : `${tp.name} ${cs}`);
  });
  return '[' + parts.join(', ') + ']';
}

/** The generic library type `x` names (`iter.Seq`, or `Seq` inside package iter), else null; reports nothing. */
function genericTypeName(c: Checker, x: ast.Expr): { t: Named; ids: ast.Ident[]; objs: GoObject[] } | null {
  if (x.kind === 'Ident') {
    const obj = c.scope.lookup(x.name);
    if (obj && obj.tag === 'TypeName' && obj.type.tag === 'Named' && obj.type.typeParams.length) return { t: obj.type, ids: [x], objs: [obj] };
  }
  if (x.kind === 'SelectorExpr' && x.x.kind === 'Ident') {
    const pkgObj = c.scope.lookup(x.x.name);
    if (pkgObj && pkgObj.tag === 'PkgName') {
      const m = c.importPackage(pkgObj.path)?.lookup(x.sel.name);
      if (m && m.tag === 'TypeName' && m.type.tag === 'Named' && m.type.typeParams.length && isExported(x.sel.name)) {
        pkgObj.used = true;
        return { t: m.type, ids: [x.x, x.sel], objs: [pkgObj, m] };
      }
    }
  }
  return null;
}

/** `iter.Seq[int]`: the instance, after checking the arguments as go/types does. */
function instantiateTypeExpr(c: Checker, e: ast.IndexExpr | ast.IndexListExpr): Type | null {
  const g = genericTypeName(c, e.x);
  if (!g) return null;
  g.ids.forEach((id, i) => c.use(id, g.objs[i]!));
  c.record(e.x, { mode: 'typexpr', type: g.t });
  const argExprs = e.kind === 'IndexExpr' ? [e.index] : e.indices;
  const args = argExprs.map((a) => typExpr(c, a));
  if (args.some((a) => !isValid(a))) return Typ.invalid;
  const want = g.t.typeParams.length;
  if (args.length !== want) {
    // types2 places a selector at its dot, and this error at the generic type's expression.
    const x = e.x;
    const at = x.kind === 'SelectorExpr' ? { ...x.sel.pos, col: x.sel.pos.col - 1, offset: x.sel.pos.offset - 1 } : x.pos;
    c.error(at, `${args.length > want ? 'too many' : 'not enough'} type arguments for type ${g.t.name}: have ${args.length}, want ${want}`);
    return Typ.invalid;
  }
  for (const [i, tp] of g.t.typeParams.entries()) {
    const k = tp.constraint;
    if (k.tag === 'Named' && k.obj.name === 'comparable' && k.pkg === '' && !comparable(args[i]!)) {
      c.error(argExprs[i]!.pos, `${c.typeStr(args[i]!)} does not satisfy comparable`);
      return Typ.invalid;
    }
  }
  return instantiate(g.t, args);
}

/** Declare a type parameter list in the current scope; constraints may refer to any of them. */
export function declareTypeParams(c: Checker, fl: ast.FieldList): TypeParam[] {
  const out: { tp: TypeParam; constraint: ast.Expr }[] = [];
  let idx = 0;
  for (const f of fl.list) {
    for (const n of f.names) {
      const tp = new TypeParam(n.name, emptyInterface, idx++);
      c.declare(c.scope, n, new TypeName(n.name, tp, n.pos, c.pkg));
      out.push({ tp, constraint: f.type });
    }
  }
  for (const { tp, constraint } of out) (tp as { constraint: Type }).constraint = constraintType(c, constraint);
  return out.map((o) => o.tp);
}

function typExprInternal(c: Checker, e: ast.Expr): Type {
  switch (e.kind) {
    case 'Ident': {
      if (e.name === '_') { c.error(e.pos, 'cannot use _ as value or type'); return Typ.invalid; }
      const obj = c.scope.lookup(e.name);
      if (!obj) { c.error(e.pos, `undefined: ${e.name}`); return Typ.invalid; }
      c.use(e, obj);
      if (obj.tag !== 'TypeName') {
        if (obj.tag === 'PkgName') obj.used = true;
        c.error(e.pos, `${e.name} is not a type`);
        return Typ.invalid;
      }
      objDecl(c, obj);
      return obj.type;
    }
    case 'ParenExpr': return typExpr(c, e.x);
    case 'SelectorExpr': {
      if (e.x.kind === 'Ident') {
        const obj = c.scope.lookup(e.x.name);
        if (obj && obj.tag === 'PkgName') {
          obj.used = true;
          c.use(e.x, obj);
          const pkg = c.importPackage(obj.path);
          const m = pkg?.lookup(e.sel.name);
          if (!m || !isExported(e.sel.name)) {
            c.error(e.sel.pos, !m ? `undefined: ${e.x.name}.${e.sel.name}` : `name ${e.sel.name} not exported by package ${obj.name}`);
            return Typ.invalid;
          }
          c.use(e.sel, m);
          if (m.tag !== 'TypeName') { c.error(e.pos, `${exprString(e)} is not a type`); return Typ.invalid; }
          return m.type;
        }
      }
      c.error(e.pos, `${exprString(e)} is not a type`);
      return Typ.invalid;
    }
    case 'StarExpr': {
      const b = typExpr(c, e.x);
      return isValid(b) ? new Pointer(b) : b;
    }
    case 'ArrayType': {
      const elem = typExpr(c, e.elt);
      if (!e.len) return new Slice(elem);
      if (e.len.kind === 'Ellipsis') {
        c.error(e.len.pos, 'invalid use of [...] array (outside a composite literal)');
        return Typ.invalid;
      }
      const n = arrayLength(c, e.len);
      return n < 0 ? Typ.invalid : new GoArray(elem, n);
    }
    case 'MapType': {
      const k = typExpr(c, e.key), v = typExpr(c, e.value);
      if (isValid(k)) {
        const u = under(k);
        if (u.tag === 'Slice' || u.tag === 'Map' || u.tag === 'Signature') {
          c.error(e.key.pos, `invalid map key type ${c.typeStr(k)}`);
        }
      }
      return new GoMap(k, v);
    }
    case 'ChanType': return new Chan(e.dir, typExpr(c, e.value));
    case 'FuncType': return funcType(c, e, null);
    case 'StructType': return structType(c, e);
    case 'InterfaceType': return interfaceType(c, e);
    case 'IndexExpr': {
      const inst = instantiateTypeExpr(c, e);
      if (inst) return inst;
      c.error(e.pos, 'generic types are not supported by gosim');
      return Typ.invalid;
    }
    case 'IndexListExpr': {
      const inst = instantiateTypeExpr(c, e);
      if (inst) return inst;
      c.error(e.pos, 'generic types are not supported by gosim');
      return Typ.invalid;
    }
    default:
      c.error(e.pos, `${exprString(e)} is not a type`);
      return Typ.invalid;
  }
}

function arrayLength(c: Checker, e: ast.Expr): number {
  const x = constExpr(c, e);
  if (!x) return -1;
  if (x.value.kind !== 'int' && !(x.value.kind === 'float' && x.value.den === 1n)) {
    if (isUntyped(x.type) || isInteger(x.type)) c.error(e.pos, `array length ${exprString(e)} (${x.desc}) must be integer`);
    else c.error(e.pos, `array length ${exprString(e)} (${x.desc}) must be integer`);
    return -1;
  }
  const n = x.value.kind === 'int' ? x.value.value : x.value.num;
  if (n < 0n) { c.error(e.pos, `invalid array length ${exprString(e)} (${x.desc})`); return -1; }
  return Number(n);
}

export function funcType(c: Checker, e: ast.FuncType, recv: Var | null, scopeForParams?: boolean): Signature {
  // Type parameters are visible in the whole signature: declare them first.
  const typeParams = e.typeParams && e.typeParams.list.length ? declareTypeParams(c, e.typeParams) : [];
  const params = fieldVars(c, e.params, true, scopeForParams ?? false);
  let variadic = false;
  const last = e.params.list[e.params.list.length - 1];
  if (last && last.type.kind === 'Ellipsis') variadic = true;
  const results = e.results ? fieldVars(c, e.results, false, scopeForParams ?? false) : [];
  return new Signature(new Tuple(params), new Tuple(results), variadic, recv, typeParams);
}

/** Declare parameters in the current scope when `declare` (function bodies); else just build them. */
function fieldVars(c: Checker, fl: ast.FieldList, isParams: boolean, declare: boolean): Var[] {
  const out: Var[] = [];
  fl.list.forEach((f, i) => {
    let t: Type;
    if (f.type.kind === 'Ellipsis') {
      const elem = f.type.elt ? typExpr(c, f.type.elt) : Typ.invalid;
      if (!isParams || i !== fl.list.length - 1 || f.names.length > 1) {
        c.error(f.type.pos, 'can only use ... with final parameter in list');
      }
      t = new Slice(elem);
      c.record(f.type, { mode: 'typexpr', type: t });
    } else t = typExpr(c, f.type);
    if (f.names.length === 0) out.push(new Var('', t, f.type.pos, c.pkg, false, true));
    for (const n of f.names) {
      const v = new Var(n.name, t, n.pos, c.pkg, false, true);
      if (declare) c.declare(c.scope, n, v);
      else c.def(n, v);
      out.push(v);
    }
  });
  return out;
}

export function structType(c: Checker, e: ast.StructType): Struct {
  const fields: Field[] = [];
  const seen = new Map<string, ast.Pos>();
  for (const f of e.fields.list) {
    const t = typExpr(c, f.type);
    if (f.names.length === 0) {
      // Embedded field: named after the type (without pointer or package qualifier).
      let te = f.type;
      if (te.kind === 'StarExpr') te = te.x;
      const name = te.kind === 'Ident' ? te.name : te.kind === 'SelectorExpr' ? te.sel.name : '_';
      if (t.tag === 'Pointer' && isValid(t) && (under(t.elem).tag === 'Pointer' || under(t.elem).tag === 'Interface')) {
        c.error(f.type.pos, `embedded field type cannot be a pointer to an interface`);
      }
      if (seen.has(name)) c.error(f.type.pos, `${name} redeclared`);
      seen.set(name, f.type.pos);
      fields.push(new Field(name, t, true, c.pkg));
      continue;
    }
    for (const n of f.names) {
      if (n.name !== '_' && seen.has(n.name)) c.error(n.pos, `${n.name} redeclared\n\t./${c.filename}:${seen.get(n.name)!.line}:${seen.get(n.name)!.col}: other declaration of ${n.name}`);
      seen.set(n.name, n.pos);
      const fv = new Var(n.name, t, n.pos, c.pkg, true);
      c.def(n, fv);
      fields.push(new Field(n.name, t, false, c.pkg));
    }
  }
  return new Struct(fields);
}

export function interfaceType(c: Checker, e: ast.InterfaceType): Interface {
  const methods: Func[] = [];
  const embeddeds: Type[] = [];
  const terms: Term[] = [];
  for (const f of e.methods.list) {
    if (f.names.length) {
      for (const n of f.names) {
        const sig = f.type.kind === 'FuncType' ? funcType(c, f.type, null) : new Signature(new Tuple([]), new Tuple([]), false);
        const m = new Func(n.name, sig, n.pos, c.pkg);
        c.def(n, m);
        methods.push(m);
      }
      continue;
    }
    if (f.type.kind === 'BinaryExpr' || (f.type.kind === 'UnaryExpr' && f.type.op === '~')) {
      collectTerms(c, f.type, terms);
      continue;
    }
    const t = typExpr(c, f.type);
    if (!isValid(t)) continue;
    if (under(t).tag !== 'Interface') { terms.push({ tilde: false, type: t }); continue; }
    embeddeds.push(t);
  }
  const iface = new Interface(methods, embeddeds);
  completeInterface(c, iface, e.pos);
  if (terms.length) constraintTerms.set(iface, terms);
  return iface;
}

export function completeInterface(c: Checker, iface: Interface, pos: ast.Pos): void {
  const all = new Map<string, Func>();
  for (const m of iface.methods) {
    if (all.has(m.name)) c.error(m.pos ?? pos, `duplicate method ${m.name}`);
    all.set(m.name, m);
  }
  for (const emb of iface.embeddeds) {
    const u = under(emb);
    if (u.tag !== 'Interface') continue;
    if (u.allMethods.length === 0 && u.methods.length) completeInterface(c, u, pos);
    for (const m of u.allMethods) if (!all.has(m.name)) all.set(m.name, m);
    const t = constraintTerms.get(u);
    if (t) constraintTerms.set(iface, [...(constraintTerms.get(iface) ?? []), ...t]);
  }
  iface.allMethods = [...all.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function collectTerms(c: Checker, e: ast.Expr, out: Term[]): void {
  if (e.kind === 'BinaryExpr' && e.op === '|') { collectTerms(c, e.x, out); collectTerms(c, e.y, out); return; }
  if (e.kind === 'UnaryExpr' && e.op === '~') { out.push({ tilde: true, type: typExpr(c, e.x) }); return; }
  out.push({ tilde: false, type: typExpr(c, e) });
}

function constraintType(c: Checker, e: ast.Expr): Type {
  if (e.kind === 'BinaryExpr' || (e.kind === 'UnaryExpr' && e.op === '~')) {
    const terms: Term[] = [];
    collectTerms(c, e, terms);
    const iface = new Interface([], []);
    constraintTerms.set(iface, terms);
    return iface;
  }
  const t = typExpr(c, e);
  if (isValid(t) && under(t).tag !== 'Interface') {
    const iface = new Interface([], []);
    constraintTerms.set(iface, [{ tilde: false, type: t }]);
    return iface;
  }
  return t;
}
