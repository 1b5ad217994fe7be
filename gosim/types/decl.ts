// Package-level declarations (go/types' resolver.go and decl.go): collect every object first,
// then check each one on demand so that declarations may refer to later ones, attach methods
// to their receiver types, check function bodies, and compute variables' initialization order.
import type * as ast from '../syntax/ast.ts';
import { Const, Func, Named, PkgName, Pointer, TypeName, Var, type GoObject, type Type } from './types.ts';
import { Typ } from './universe.ts';
import type { Checker } from './check.ts';
import { typExpr, funcType, declareTypeParams } from './typexpr.ts';
import { under, isValid } from './predicates.ts';
import { constDecl, varDecl } from './assign.ts';
import { funcBody } from './stmt.ts';
import { pkgName } from './typestring.ts';

/** Standard packages real Go has but gosim does not implement: "not supported", not "not in std". */
const realStd = new Set([
  'bufio', 'container/heap', 'container/list', 'container/ring', 'crypto/md5', 'crypto/rand', 'crypto/sha256',
  'encoding/binary', 'encoding/csv', 'encoding/hex', 'encoding/json', 'flag', 'hash/fnv', 'html/template',
  'io/ioutil', 'iter', 'log', 'log/slog', 'math/big', 'math/bits', 'math/rand/v2', 'net', 'net/http',
  'net/url', 'os/exec', 'os/signal', 'path', 'path/filepath', 'reflect', 'regexp', 'runtime/debug',
  'strings/builder', 'sync/errgroup', 'syscall', 'testing', 'text/tabwriter', 'text/template', 'unsafe',
  'golang.org/x/sync/errgroup',
]);

interface DeclInfo {
  kind: 'const' | 'var' | 'type' | 'func';
  typ: ast.Expr | null;
  init: ast.Expr | null;
  /** All variables a single multi-value initializer assigns (`var a, b = f()`). */
  lhs?: Var[];
  iota: number;
  spec?: ast.TypeSpec;
  fdecl?: ast.FuncDecl;
}

/** Per-checker state of package-level declarations. */
interface PkgDecls {
  infos: Map<GoObject, DeclInfo>;
  color: Map<GoObject, 'grey' | 'black'>;
  /** Package-level vars and funcs each package-level var or func refers to. */
  deps: Map<GoObject, Set<GoObject>>;
  varOrder: Var[];
  /**
   * A library package's methods not declared yet, by their receiver type's name: a library is
   * checked on demand (see checkPackage), and a type's methods are declared along with it.
   */
  methods: Map<string, { decl: ast.FuncDecl; obj: Func }[]> | null;
  /** Declarations being checked now, each waiting for the next (objDecl recurses through them). */
  resolving: number;
}
const state = new WeakMap<Checker, PkgDecls>();

/**
 * How long a chain of package-level declarations, each needing the next one checked first
 * (`var a = b; var b = c; ...`), the checker follows. Each link costs several KB of JS stack
 * (a function literal's body is checked on the way), and a browser worker's stack may be 1 MB.
 */
export const MAX_DECL_CHAIN = 64;

/** The linker's message for a program without func main (printed without a position). */
export const mainUndeclared = 'function main is undeclared in the main package';

export function checkPackage(c: Checker, file: ast.File, opts: { library: boolean }): void {
  const st: PkgDecls = { infos: new Map(), color: new Map(), deps: new Map(), varOrder: [], methods: null, resolving: 0 };
  state.set(c, st);
  if (!opts.library && file.packageName.name !== 'main') {
    // go build of a non-main package builds nothing runnable; go run refuses it.
    c.error(file.packageName.pos, `package ${file.packageName.name} is not a main package`);
  }
  const importSpecs: { spec: ast.ImportSpec; obj: PkgName }[] = [];
  for (const spec of file.imports) {
    c.guard(spec.pos, () => {
      const path = spec.path.raw.slice(1, -1);
      const pkg = c.importPackage(path);
      if (!pkg) {
        c.error(spec.path.pos, realStd.has(path) ? `package ${path} is not supported by gosim` : `package ${path} is not in std (/usr/local/go/src/${path})`);
        return;
      }
      const name = spec.name ? spec.name.name : pkg.name;
      if (name === '_' || name === '.') {
        if (name === '.') c.error(spec.pos, 'dot imports are not supported by gosim');
        return;
      }
      const obj = new PkgName(name, path, spec.pos, c.pkg);
      if (spec.name) c.def(spec.name, obj);
      c.imports.push(obj);
      importSpecs.push({ spec, obj });
      c.declare(c.pkgScope, spec.name ?? { ...spec.path, kind: 'Ident', name }, obj);
    });
  }

  // go build stops at an import it cannot resolve.
  if (c.errors.length) return;

  // Collect.
  const funcs: { decl: ast.FuncDecl; obj: Func }[] = [];
  const methods: { decl: ast.FuncDecl; obj: Func }[] = [];
  for (const d of file.decls) {
    if (d.kind === 'BadDecl') continue;
    if (d.kind === 'FuncDecl') {
      const obj = new Func(d.name.name, null as never, d.name.pos, c.pkg, d);
      if (d.recv) { methods.push({ decl: d, obj }); continue; }
      funcs.push({ decl: d, obj });
      st.infos.set(obj, { kind: 'func', typ: null, init: null, iota: 0, fdecl: d });
      obj.fullName = `${pkgName(c.pkg)}.${d.name.name}`;
      if (d.name.name === 'init') {
        c.def(d.name, obj);
        if (d.type.params.list.length || d.type.results) c.error(d.name.pos, 'func init must have no arguments and no return values');
      } else {
        if (d.name.name === 'main' && !opts.library && (d.type.params.list.length || d.type.results)) {
          c.error(d.name.pos, 'func main must have no arguments and no return values');
        }
        c.declare(c.pkgScope, d.name, obj);
      }
      if (!d.body && !opts.library) c.error(d.name.pos, `missing function body`);
      if (!opts.library && d.type.typeParams && d.type.typeParams.list.length) {
        // gosim runs the concurrency lessons' Go, which declares no generics of its own.
        c.error(d.type.typeParams.pos, `generic function ${d.name.name} is not supported by gosim (only the standard library's generic functions are)`);
      }
      continue;
    }
    collectGenDecl(c, st, d);
  }

  if (opts.library) {
    // A library's declarations are checked when a program first uses them (resolveObject),
    // since a program uses a few of the dozens most packages declare: checking all of fmt and
    // sync up front was most of the time a short program took to build. Library declarations
    // have no bodies and no initializers, so nothing else is left to do.
    st.methods = new Map();
    for (const m of methods) {
      const name = receiverBaseName(m.decl);
      const list = st.methods.get(name);
      if (list) list.push(m);
      else st.methods.set(name, [m]);
    }
    return;
  }

  // Types first, then methods (so that method sets are complete before any expression is
  // checked), then everything else in source order.
  for (const [obj, info] of st.infos) if (info.kind === 'type') c.guard(obj.pos!, () => objDecl(c, obj));
  if (!opts.library) c.guard(file.pos, () => recursiveTypes(c, st));
  for (const m of methods) c.guard(m.decl.pos, () => methodDecl(c, m.decl, m.obj));
  for (const [obj] of st.infos) c.guard(obj.pos ?? file.pos, () => objDecl(c, obj));

  // Bodies.
  for (const f of [...funcs, ...methods]) {
    const d = f.decl;
    if (!d.body || !f.obj.type) continue;
    // Already reported: checking the body of a generic function would only add noise.
    if (!opts.library && d.type.typeParams && d.type.typeParams.list.length) continue;
    c.guard(d.body.pos, () => {
      const deps = new Set<GoObject>();
      st.deps.set(f.obj, deps);
      c.deps = deps;
      funcBody(c, f.obj.type, d.body!, d.type, d.recv);
      c.deps = null;
    });
  }

  if (!opts.library) {
    for (const { spec, obj } of importSpecs) {
      if (!obj.used) {
        const path = spec.path.raw;
        c.error(spec.pos, spec.name ? `${path} imported as ${obj.name} and not used` : `${path} imported and not used`);
      }
    }
    if (!c.pkgScope.names.get('main') && file.packageName.name === 'main' && c.errors.length === 0) {
      c.error(file.pos, mainUndeclared);
    }
  }
  initOrder(c, st);
}

function collectGenDecl(c: Checker, st: PkgDecls, d: ast.GenDecl): void {
  if (d.tok === 'import') return;
  let lastTyp: ast.Expr | null = null;
  let lastValues: ast.Expr[] = [];
  for (const spec of d.specs) {
    if (spec.kind === 'TypeSpec') {
      const obj = new TypeName(spec.name.name, Typ.invalid, spec.name.pos, c.pkg);
      if (!spec.assign) obj.type = new Named(obj, c.pkg);
      st.infos.set(obj, { kind: 'type', typ: spec.type, init: null, iota: 0, spec });
      c.declare(c.pkgScope, spec.name, obj);
      continue;
    }
    if (spec.kind !== 'ValueSpec') continue;
    if (d.tok === 'const') {
      // An omitted type and value list repeats the previous one (with this spec's iota).
      if (spec.type || spec.values.length) { lastTyp = spec.type; lastValues = spec.values; }
      spec.names.forEach((n, i) => {
        const obj = new Const(n.name, Typ.invalid, { kind: 'int', value: 0n }, n.pos, c.pkg);
        st.infos.set(obj, { kind: 'const', typ: lastTyp, init: lastValues[i] ?? null, iota: spec.iota });
        c.declare(c.pkgScope, n, obj);
      });
      continueConstArity(c, spec, lastValues);
      continue;
    }
    const vars = spec.names.map((n) => new Var(n.name, Typ.invalid, n.pos, c.pkg));
    const multi = spec.values.length === 1 && spec.names.length > 1;
    vars.forEach((v, i) => {
      st.infos.set(v, { kind: 'var', typ: spec.type, init: multi ? spec.values[0]! : spec.values[i] ?? null, iota: 0, lhs: multi ? vars : [v] });
      st.varOrder.push(v);
      c.declare(c.pkgScope, spec.names[i]!, v);
    });
    if (!multi && spec.values.length && spec.values.length !== spec.names.length) {
      const n = spec.names.length, m = spec.values.length;
      const at = m > n ? spec.values[n]!.pos : spec.names[m]!.pos;
      c.error(at, m > n ? `extra init expr` : `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${m} value${m > 1 ? 's' : ''}`);
    }
  }
}

function continueConstArity(c: Checker, spec: ast.ValueSpec, values: ast.Expr[]): void {
  if (spec.names.length < values.length && spec.values.length) c.error(values[spec.names.length]!.pos, 'extra init expr');
  else if (spec.names.length > values.length && (spec.values.length || values.length)) {
    c.error(spec.names[values.length]!.pos, 'missing init expr for const declaration');
  } else if (!values.length && !spec.type) c.error(spec.names[0]!.pos, 'missing init expr for const declaration');
}

/** The name of the type a method is declared on: T in `func (x *T[P]) m()`. */
function receiverBaseName(d: ast.FuncDecl): string {
  let t = d.recv!.list[0]?.type;
  while (t && (t.kind === 'ParenExpr' || t.kind === 'StarExpr' || t.kind === 'IndexExpr' || t.kind === 'IndexListExpr')) t = t.x;
  return t && t.kind === 'Ident' ? t.name : '';
}

/** A library package's object, checked now if it was not yet (with its methods, for a type). */
export function resolveObject(c: Checker, obj: GoObject): void {
  c.guard(obj.pos!, () => objDecl(c, obj));
}

/** Check every declaration of a library package not checked yet. */
export function completePackage(c: Checker): void {
  const st = state.get(c);
  if (!st) return;
  for (const [obj] of st.infos) resolveObject(c, obj);
  // Methods on a name that is not a type of the package: methodDecl reports them.
  for (const [name, list] of st.methods ?? []) {
    st.methods!.delete(name);
    for (const m of list) c.guard(m.decl.pos, () => methodDecl(c, m.decl, m.obj));
  }
}

/** Check a package-level object's declaration now if it has not been (declarations may appear in any order). */
export function objDecl(c: Checker, obj: GoObject): void {
  const st = state.get(c);
  if (!st) return;
  const info = st.infos.get(obj);
  if (!info) return;
  const color = st.color.get(obj);
  if (color === 'black') return;
  if (color === 'grey') {
    if (obj.tag === 'Const' || obj.tag === 'Var') {
      if (!isValid(obj.type)) {
        c.error(obj.pos!, `initialization cycle or invalid recursive reference to ${obj.name}`);
        obj.type = Typ.invalid;
      }
    } else if (obj.tag === 'TypeName' && info.spec && (!(obj.type instanceof Named) || !isValid(obj.type.underlying))) {
      if (!(obj.type instanceof Named) || isDirectCycle(info.spec)) {
        c.error(obj.pos!, `invalid recursive type ${obj.name}`);
      }
    }
    return;
  }
  if (st.resolving >= MAX_DECL_CHAIN) {
    c.error(obj.pos!, `declarations refer to each other too deeply (gosim accepts ${MAX_DECL_CHAIN} levels)`);
    // Left invalid, so that what refers to it reports nothing more.
    if (obj.tag === 'TypeName') { if (obj.type instanceof Named) obj.type.underlying = Typ.invalid; }
    else if (obj.tag === 'Var' || obj.tag === 'Const' || obj.tag === 'Func') obj.type = Typ.invalid as never;
    st.color.set(obj, 'black');
    return;
  }
  st.color.set(obj, 'grey');
  st.resolving++;
  const saved = { scope: c.scope, sig: c.funcSig, iota: c.iota, deps: c.deps };
  c.scope = c.pkgScope;
  c.funcSig = null;
  c.iota = null;
  try {
    switch (info.kind) {
      case 'type': typeDecl(c, obj as TypeName, info.spec!); break;
      case 'const': {
        c.iota = BigInt(info.iota);
        constDecl(c, obj as Const, info.typ, info.init);
        break;
      }
      case 'var': {
        const deps = new Set<GoObject>();
        c.deps = deps;
        const lhs = info.lhs ?? [obj as Var];
        for (const v of lhs) if (v !== obj) st.color.set(v, 'grey');
        varDecl(c, lhs, info.typ, info.init ? (lhs.length > 1 ? [info.init] : [info.init]) : [], 'variable declaration');
        for (const v of lhs) { st.deps.set(v, deps); st.color.set(v, 'black'); }
        break;
      }
      case 'func': {
        const f = obj as Func;
        c.openScope(true);
        f.type = funcType(c, info.fdecl!.type, null);
        c.closeScope();
        break;
      }
    }
  } finally {
    c.scope = saved.scope; c.funcSig = saved.sig; c.iota = saved.iota; c.deps = saved.deps;
    st.color.set(obj, 'black');
    st.resolving--;
  }
  const methods = info.kind === 'type' ? st.methods?.get(obj.name) : undefined;
  if (methods !== undefined) {
    st.methods!.delete(obj.name);
    const saved2 = c.scope;
    c.scope = c.pkgScope;
    try {
      for (const m of methods) c.guard(m.decl.pos, () => methodDecl(c, m.decl, m.obj));
    } finally {
      c.scope = saved2;
    }
  }
}

function isDirectCycle(spec: ast.TypeSpec): boolean {
  const t = spec.type;
  // Only `type A B` chains are caught; a struct containing itself by value is not (rare in lessons).
  return t.kind === 'Ident' || t.kind === 'ParenExpr' || t.kind === 'SelectorExpr';
}

function typeDecl(c: Checker, obj: TypeName, spec: ast.TypeSpec): void {
  if (spec.typeParams && spec.typeParams.list.length) {
    // gosim runs the lessons' Go, which declares no generic types of its own; the library's
    // (iter.Seq[V any], ...) are instantiated by types/instantiate.ts wherever they are used.
    if (c.pkg === 'main') {
      c.error(spec.name.pos, `generic type ${spec.name.name} is not supported by gosim (only the standard library's atomic.Pointer is)`);
      (obj.type as Named).underlying = Typ.invalid;
      return;
    }
    const named = obj.type as Named;
    const saved = c.scope;
    c.openScope();
    try {
      named.typeParams = declareTypeParams(c, spec.typeParams);
      named.underlying = under(typExpr(c, spec.type));
    } finally { c.scope = saved; }
    return;
  }
  if (spec.assign) {
    obj.type = typExpr(c, spec.type);
    return;
  }
  const named = obj.type as Named;
  const rhs = typExpr(c, spec.type);
  const u = under(rhs);
  if (rhs === named || (rhs.tag === 'Named' && !isValid(rhs.underlying) && rhs !== named)) {
    if (!isValid(named.underlying)) named.underlying = Typ.invalid;
    return;
  }
  named.underlying = u;
}

function methodDecl(c: Checker, d: ast.FuncDecl, f: Func): void {
  const field = d.recv!.list[0];
  if (!field) { c.error(d.name.pos, 'method has no receiver'); return; }
  let rt = field.type;
  let ptr = false;
  if (rt.kind === 'ParenExpr') rt = rt.x;
  if (rt.kind === 'StarExpr') { rt = rt.x; ptr = true; }
  let base: Named | null = null;
  // The receiver's own names for a generic library type's parameters (`func (x *Pointer[T])`).
  let recvTypeParams: ast.Expr[] = [];
  if ((rt.kind === 'IndexExpr' || rt.kind === 'IndexListExpr') && c.pkg !== 'main' && rt.x.kind === 'Ident') {
    const obj = c.pkgScope.names.get(rt.x.name);
    const idx = rt.kind === 'IndexExpr' ? [rt.index] : rt.indices;
    if (obj && obj.tag === 'TypeName' && obj.type.tag === 'Named' && obj.type.typeParams.length === idx.length && idx.every((i) => i.kind === 'Ident')) {
      base = obj.type;
      c.use(rt.x, obj);
      recvTypeParams = idx;
    } else c.error(rt.pos, 'generic types are not supported by gosim');
  } else if (rt.kind === 'Ident') {
    const obj = c.pkgScope.names.get(rt.name) ?? c.scope.lookup(rt.name);
    if (!obj) { c.error(rt.pos, `undefined: ${rt.name}`); }
    else if (obj.tag === 'TypeName' && obj.type.tag === 'Named' && obj.type.pkg === c.pkg) {
      base = obj.type;
      c.use(rt, obj);
    } else if (obj.tag === 'TypeName') {
      c.error(rt.pos, `cannot define new methods on non-local type ${c.typeStr(obj.type)}`);
    } else c.error(rt.pos, `${rt.name} is not a type`);
  } else if (rt.kind === 'IndexExpr' || rt.kind === 'IndexListExpr') {
    c.error(rt.pos, 'generic types are not supported by gosim');
  } else c.error(rt.pos, `invalid receiver type ${rt.kind}`);
  const recvType: Type = base ? (ptr ? new Pointer(base) : base) : Typ.invalid;
  if (base) c.record(field.type, { mode: 'typexpr', type: recvType });
  if (base && (under(base).tag === 'Pointer' || under(base).tag === 'Interface')) {
    c.error(rt.pos, `invalid receiver type ${base.name} (pointer or interface type)`);
  }
  const rname = field.names[0];
  const recv = new Var(rname ? rname.name : '', recvType, rname ? rname.pos : field.type.pos, c.pkg, false, true);
  if (rname) c.def(rname, recv);
  c.openScope(true);
  recvTypeParams.forEach((id, i) => {
    const tp = base!.typeParams[i]!;
    c.declare(c.scope, id as ast.Ident, new TypeName((id as ast.Ident).name, tp, id.pos, c.pkg));
  });
  f.type = funcType(c, d.type, recv);
  c.closeScope();
  c.def(d.name, f);
  if (!base) return;
  f.fullName = recvTypeParams.length
    // Go's tracebacks elide a generic receiver's arguments: sync/atomic.(*Pointer[...]).Load.
    ? (ptr ? `${c.pkg}.(*${base.name}[...]).${f.name}` : `${c.pkg}.${base.name}[...].${f.name}`)
    : ptr ? `${pkgName(c.pkg)}.(*${base.name}).${f.name}` : `${pkgName(c.pkg)}.${base.name}.${f.name}`;
  if (f.name === '_') return;
  const dup = base.methods.find((m) => m.name === f.name);
  if (dup) {
    c.error(d.name.pos, `method ${base.name}.${f.name} already declared at ./${c.filename}:${dup.pos!.line}:${dup.pos!.col}`);
    return;
  }
  const s = under(base);
  if (s.tag === 'Struct' && s.fields.some((fl) => fl.name === f.name)) {
    c.error(d.name.pos, `field and method with the same name ${f.name}\n\t./${c.filename}:${d.name.pos.line}:${d.name.pos.col}: other declaration of ${f.name}`);
    return;
  }
  base.methods.push(f);
}

/**
 * A struct or array that contains itself by value has no size: `invalid recursive type`, with
 * the cycle spelled out as go/types does (the program then never reaches the compiler).
 */
function recursiveTypes(c: Checker, st: PkgDecls): void {
  const named: TypeName[] = [];
  for (const [obj, info] of st.infos) if (info.kind === 'type' && obj.tag === 'TypeName' && obj.type.tag === 'Named') named.push(obj);
  const reported = new Set<Named>();
  const refs = (t: Type, out: Named[]): void => {
    switch (t.tag) {
      case 'Named': if (t.pkg === c.pkg) out.push(t); return;
      case 'Struct': for (const f of t.fields) refs(f.type, out); return;
      case 'Array': refs(t.elem, out); return;
      default: return;
    }
  };
  for (const obj of named) {
    const start = obj.type as Named;
    if (reported.has(start)) continue;
    // Depth-first search for a path of by-value references back to start.
    const path: Named[] = [start];
    const seen = new Set<Named>();
    const dfs = (n: Named): boolean => {
      const next: Named[] = [];
      refs(n.underlying, next);
      for (const m of next) {
        if (m === start) return true;
        if (seen.has(m)) continue;
        seen.add(m);
        path.push(m);
        if (dfs(m)) return true;
        path.pop();
      }
      return false;
    };
    if (!dfs(start)) continue;
    for (const n of path) reported.add(n);
    const at = (n: Named) => `./${c.filename}:${n.obj.pos!.line}:${n.obj.pos!.col}`;
    if (path.length === 1) c.error(obj.pos!, `invalid recursive type: ${start.name} refers to itself`);
    else {
      const lines = path.map((n, i) => `\t${at(n)}: ${n.name} refers to ${path[(i + 1) % path.length]!.name}`);
      c.error(obj.pos!, `invalid recursive type ${start.name}\n${lines.join('\n')}`);
    }
  }
}

/** Go's rule: repeatedly initialize the earliest variable whose dependencies are all initialized. */
function initOrder(c: Checker, st: PkgDecls): void {
  // The variables each variable's initializer reaches, directly or through the functions it
  // calls. A walk with a stack of its own: a chain of thousands of functions is legal Go.
  const varDeps = new Map<Var, Set<Var>>();
  for (const v of st.varOrder) {
    const acc = new Set<Var>();
    const seen = new Set<GoObject>([v]);
    const todo: GoObject[] = [v];
    while (todo.length > 0) {
      for (const d of st.deps.get(todo.pop()!) ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        if (d.tag === 'Var') acc.add(d);
        else todo.push(d);
      }
    }
    const info = st.infos.get(v)!;
    for (const l of info.lhs ?? []) acc.delete(l);
    varDeps.set(v, acc);
  }
  // Go's order: again and again, the first variable in source order whose dependencies are all
  // initialized (in a cycle, which is reported elsewhere or goes through a function, the first
  // one left). Counting what each still waits for keeps this linear in the dependencies.
  const index = new Map<Var, number>();
  st.varOrder.forEach((v, i) => index.set(v, i));
  const waiting = new Map<Var, number>();
  const dependents = new Map<Var, Var[]>();
  for (const [v, ds] of varDeps) {
    waiting.set(v, ds.size);
    for (const d of ds) {
      const list = dependents.get(d);
      if (list) list.push(v); else dependents.set(d, [v]);
    }
  }
  const ready = new MinHeap();
  for (const v of st.varOrder) if (waiting.get(v) === 0) ready.push(index.get(v)!);
  const done = new Set<Var>();
  let first = 0;
  while (done.size < st.varOrder.length) {
    let i = ready.pop();
    while (i !== undefined && done.has(st.varOrder[i]!)) i = ready.pop();
    if (i === undefined) {
      while (done.has(st.varOrder[first]!)) first++;
      i = first;
    }
    const v = st.varOrder[i]!;
    const info = st.infos.get(v)!;
    const lhs = info.lhs ?? [v];
    for (const l of lhs) {
      if (done.has(l)) continue;
      done.add(l);
      for (const w of dependents.get(l) ?? []) {
        const n = waiting.get(w)! - 1;
        waiting.set(w, n);
        if (n === 0 && !done.has(w)) ready.push(index.get(w)!);
      }
    }
    if (info.init) c.info.initOrder.push({ lhs, rhs: info.init });
  }
}

/** Source positions of variables ready to initialize, smallest first. */
class MinHeap {
  private readonly h: number[] = [];
  push(x: number): void {
    const h = this.h;
    h.push(x);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const h = this.h;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < h.length && h[l]! < h[m]!) m = l;
        if (r < h.length && h[r]! < h[m]!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

