// Names of types as Go prints them: in compile errors (go/types' TypeString, qualified
// relative to the package being checked) and in fmt's %T (reflect's String: always qualified,
// `interface {}`, byte as uint8). Also exprString, the source form of an expression that
// compile errors quote.
import type * as ast from '../syntax/ast.ts';
import { emptyInterface } from './universe.ts';
import type { Tuple, Type } from './types.ts';

export interface TypeStringOptions {
  /** Package whose names are printed unqualified (the one being checked); null qualifies all. */
  relativeTo?: string | null;
  /** reflect's spelling, which fmt's %T prints. */
  reflect?: boolean;
  /** How another package's names are qualified (default: its name, `time.Duration`). */
  qualifier?: (path: string) => string;
}

/** The type as fmt's %T prints it: `int`, `[]string`, `*main.T`, `func(int) string`, `interface {}`. */
export function typeString(t: Type): string {
  return writeType(t, { relativeTo: null, reflect: true }, new Set());
}

/** The type as a compile error names it, relative to package `pkg` ("main"). */
export function errorTypeString(t: Type, pkg: string | null = 'main', qualifier?: (path: string) => string): string {
  return writeType(t, { relativeTo: pkg, reflect: false, qualifier }, new Set());
}

// The real toolchain prints a package's quoted path instead of its name when two packages of
// that name are in the program's import graph: internal/sync, internal/strconv and
// internal/runtime/atomic come with almost every program (go list -deps, go1.26).
const smallDeps = new Set(['sync/atomic', 'cmp', 'math', 'unicode/utf8', 'unicode']);

/** go/types' qualifier for a program importing `imports`. */
export function gcQualifier(imports: readonly string[]): (path: string) => string {
  const runtimeReachable = imports.some((p) => !smallDeps.has(p));
  return (path) => {
    if (path === 'sync' || path === 'strconv' || (path === 'sync/atomic' && runtimeReachable)) return JSON.stringify(path);
    return pkgName(path);
  };
}

export function writeType(t: Type, o: TypeStringOptions, seen: Set<Type>): string {
  const w = (u: Type) => writeType(u, o, seen);
  switch (t.tag) {
    case 'Basic':
      if (o.reflect) return t.kind === 'unsafe.Pointer' ? 'unsafe.Pointer' : t.kind;
      return t.name;
    case 'Pointer': return '*' + w(t.elem);
    case 'Slice': return '[]' + w(t.elem);
    case 'Array': return `[${t.len}]` + w(t.elem);
    case 'Map': return `map[${w(t.key)}]` + w(t.elem);
    case 'Chan': {
      if (t.dir === 'send') return 'chan<- ' + w(t.elem);
      if (t.dir === 'recv') return '<-chan ' + w(t.elem);
      const e = w(t.elem);
      // `chan (<-chan int)`: without parentheses the arrow would bind to the outer chan.
      return t.elem.tag === 'Chan' && t.elem.dir === 'recv' ? `chan (${e})` : 'chan ' + e;
    }
    case 'Struct': {
      if (t.fields.length === 0) return o.reflect ? 'struct {}' : 'struct{}';
      const parts = t.fields.map((f) => (f.embedded ? w(f.type) : `${f.name} ${w(f.type)}`));
      return o.reflect ? `struct { ${parts.join('; ')} }` : `struct{${parts.join('; ')}}`;
    }
    case 'Signature': return 'func' + signatureString(t, o, seen);
    case 'Interface': {
      if (!o.reflect && t === emptyInterface) return 'any';
      const parts: string[] = [];
      for (const e of t.embeddeds) parts.push(w(e));
      for (const m of t.methods) parts.push(m.name + signatureString(m.type, o, seen));
      if (parts.length === 0) return o.reflect ? 'interface {}' : 'interface{}';
      return o.reflect ? `interface { ${parts.join('; ')} }` : `interface{${parts.join('; ')}}`;
    }
    case 'Named': {
      const pkg = t.pkg;
      let name = t.obj.name;
      if (t.typeArgs.length) name += '[' + t.typeArgs.map(w).join(',') + ']';
      if (pkg === '' || pkg === o.relativeTo) return name;
      return (o.qualifier ? o.qualifier(pkg) : pkgName(pkg)) + '.' + name;
    }
    case 'Tuple': return tupleString(t, false, o, seen);
    case 'TypeParam': return t.name;
  }
}

export function pkgName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

function tupleString(t: Tuple, variadic: boolean, o: TypeStringOptions, seen: Set<Type>): string {
  const named = !o.reflect && t.vars.some((v) => v.name !== '');
  const parts = t.vars.map((v, i) => {
    let ts: string;
    if (variadic && i === t.vars.length - 1 && v.type.tag === 'Slice') ts = '...' + writeType(v.type.elem, o, seen);
    else ts = writeType(v.type, o, seen);
    return named ? `${v.name === '' ? '_' : v.name} ${ts}` : ts;
  });
  return '(' + parts.join(', ') + ')';
}

export function signatureString(s: { params: Tuple; results: Tuple; variadic: boolean }, o: TypeStringOptions, seen: Set<Type>): string {
  let out = tupleString(s.params, s.variadic, o, seen);
  const r = s.results.vars;
  if (r.length === 0) return out;
  const namedResults = !o.reflect && r.some((v) => v.name !== '');
  if (r.length === 1 && !namedResults) return out + ' ' + writeType(r[0]!.type, o, seen);
  return out + ' ' + tupleString(s.results, false, o, seen);
}

// ---------------------------------------------------------------- expressions

/** The expression as go/types' ExprString writes it in messages (`a + b`, `f(x)`, `s[i:j]`). */
export function exprString(e: ast.Expr): string {
  switch (e.kind) {
    case 'Ident': return e.name;
    case 'BasicLit': return e.raw;
    case 'CompositeLit': return (e.type ? exprString(e.type) : '') + (e.elts.length ? '{…}' : '{}');
    case 'FuncLit': return exprString(e.type) + ' {…}';
    case 'ParenExpr': return '(' + exprString(e.x) + ')';
    case 'SelectorExpr': return exprString(e.x) + '.' + e.sel.name;
    case 'IndexExpr': return exprString(e.x) + '[' + exprString(e.index) + ']';
    case 'IndexListExpr': return exprString(e.x) + '[' + e.indices.map(exprString).join(', ') + ']';
    case 'SliceExpr': {
      let s = exprString(e.x) + '[';
      if (e.low) s += exprString(e.low);
      s += ':';
      if (e.high) s += exprString(e.high);
      if (e.slice3) { s += ':'; if (e.max) s += exprString(e.max); }
      return s + ']';
    }
    case 'TypeAssertExpr': return exprString(e.x) + '.(' + (e.type ? exprString(e.type) : 'type') + ')';
    case 'CallExpr':
      return exprString(e.fun) + '(' + e.args.map(exprString).join(', ') + (e.ellipsis ? '...' : '') + ')';
    case 'StarExpr': return '*' + exprString(e.x);
    case 'UnaryExpr': return e.op + exprString(e.x);
    case 'BinaryExpr': return exprString(e.x) + ' ' + e.op + ' ' + exprString(e.y);
    case 'KeyValueExpr': return exprString(e.key) + ': ' + exprString(e.value);
    case 'ArrayType': return '[' + (e.len ? exprString(e.len) : '') + ']' + exprString(e.elt);
    case 'Ellipsis': return '...' + (e.elt ? exprString(e.elt) : '');
    case 'StructType': return 'struct{' + fieldListString(e.fields, '; ') + '}';
    case 'FuncType': {
      let s = 'func(' + fieldListString(e.params, ', ') + ')';
      if (e.results && e.results.list.length) {
        const r = e.results.list;
        const single = r.length === 1 && r[0]!.names.length === 0;
        s += single ? ' ' + exprString(r[0]!.type) : ' (' + fieldListString(e.results, ', ') + ')';
      }
      return s;
    }
    case 'InterfaceType': return 'interface{' + e.methods.list.map((f) => (f.names.length ? f.names[0]!.name + exprString(f.type).slice(4) : exprString(f.type))).join('; ') + '}';
    case 'MapType': return 'map[' + exprString(e.key) + ']' + exprString(e.value);
    case 'ChanType':
      return (e.dir === 'send' ? 'chan<- ' : e.dir === 'recv' ? '<-chan ' : 'chan ') + exprString(e.value);
    case 'BadExpr': return '_';
  }
}

function fieldListString(fl: ast.FieldList, sep: string): string {
  return fl.list.map((f) => (f.names.length ? f.names.map((n) => n.name).join(', ') + ' ' : '') + exprString(f.type)).join(sep);
}
