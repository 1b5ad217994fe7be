// Generic traversal of the syntax tree, and the short one-line rendering of expressions and
// statements that Go's compiler uses inside messages ("cannot use x = 5 as value",
// "func() {…}", "T{…}"), so every layer prints code the same way.
import type * as ast from './ast.ts';

/**
 * The direct children of a node, in source order. Null slots (absent init, results, ...)
 * are skipped.
 */
export function children(n: ast.Node): ast.Node[] {
  const out: ast.Node[] = [];
  const add = (c: ast.Node | null | undefined): void => {
    if (c) out.push(c);
  };
  const addAll = (cs: readonly ast.Node[]): void => {
    for (const c of cs) out.push(c);
  };
  switch (n.kind) {
    case 'Ident': case 'BasicLit': case 'BadExpr': case 'BadStmt': case 'BadDecl': case 'EmptyStmt':
      break;
    case 'CompositeLit': add(n.type); addAll(n.elts); break;
    case 'FuncLit': add(n.type); add(n.body); break;
    case 'ParenExpr': add(n.x); break;
    case 'SelectorExpr': add(n.x); add(n.sel); break;
    case 'IndexExpr': add(n.x); add(n.index); break;
    case 'IndexListExpr': add(n.x); addAll(n.indices); break;
    case 'SliceExpr': add(n.x); add(n.low); add(n.high); add(n.max); break;
    case 'TypeAssertExpr': add(n.x); add(n.type); break;
    case 'CallExpr': add(n.fun); addAll(n.args); break;
    case 'StarExpr': add(n.x); break;
    case 'UnaryExpr': add(n.x); break;
    case 'BinaryExpr': add(n.x); add(n.y); break;
    case 'KeyValueExpr': add(n.key); add(n.value); break;
    case 'ArrayType': add(n.len); add(n.elt); break;
    case 'Ellipsis': add(n.elt); break;
    case 'Field': addAll(n.names); add(n.type); add(n.tag); break;
    case 'FieldList': addAll(n.list); break;
    case 'StructType': add(n.fields); break;
    case 'FuncType': add(n.typeParams); add(n.params); add(n.results); break;
    case 'InterfaceType': add(n.methods); break;
    case 'MapType': add(n.key); add(n.value); break;
    case 'ChanType': add(n.value); break;
    case 'DeclStmt': add(n.decl); break;
    case 'LabeledStmt': add(n.label); add(n.stmt); break;
    case 'ExprStmt': add(n.x); break;
    case 'SendStmt': add(n.chan); add(n.value); break;
    case 'IncDecStmt': add(n.x); break;
    case 'AssignStmt': addAll(n.lhs); addAll(n.rhs); break;
    case 'GoStmt': case 'DeferStmt': add(n.call); break;
    case 'ReturnStmt': addAll(n.results); break;
    case 'BranchStmt': add(n.label); break;
    case 'BlockStmt': addAll(n.list); break;
    case 'IfStmt': add(n.init); add(n.cond); add(n.body); add(n.else_); break;
    case 'CaseClause': addAll(n.list); addAll(n.body); break;
    case 'SwitchStmt': add(n.init); add(n.tag); addAll(n.body); break;
    case 'TypeSwitchStmt': add(n.init); add(n.assign); addAll(n.body); break;
    case 'CommClause': add(n.comm); addAll(n.body); break;
    case 'SelectStmt': addAll(n.body); break;
    case 'ForStmt': add(n.init); add(n.cond); add(n.post); add(n.body); break;
    case 'RangeStmt': add(n.key); add(n.value); add(n.x); add(n.body); break;
    case 'ImportSpec': add(n.name); add(n.path); break;
    case 'ValueSpec': addAll(n.names); add(n.type); addAll(n.values); break;
    case 'TypeSpec': add(n.name); add(n.typeParams); add(n.type); break;
    case 'GenDecl': addAll(n.specs); break;
    case 'FuncDecl': add(n.recv); add(n.name); add(n.type); add(n.body); break;
    case 'File': add(n.packageName); addAll(n.decls); break;
    default: {
      const never: never = n;
      void never;
    }
  }
  return out;
}

/**
 * Visit `root` and its descendants depth-first in source order. When `visit` returns false the
 * node's children are skipped. Iterative, so a deeply nested tree cannot overflow the stack.
 */
export function walk(root: ast.Node, visit: (n: ast.Node) => boolean | void): void {
  const stack: ast.Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    const cs = children(n);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
}

/** Find the innermost nodes around a byte offset (outermost first), e.g. for editor hovers. */
export function pathTo(root: ast.Node, offset: number): ast.Node[] {
  const path: ast.Node[] = [];
  walk(root, (n) => {
    if (offset < n.pos.offset || offset >= n.end.offset) return false;
    path.push(n);
    return true;
  });
  return path;
}

// ------------------------------------------------------------ short printing

const MAX_PRINT_DEPTH = 50;

/** An expression on one line, as Go's compiler shows it in messages. */
export function exprString(x: ast.Expr): string {
  return expr(x, 0);
}

function list(xs: readonly ast.Expr[], d: number): string {
  return xs.map((x) => expr(x, d)).join(', ');
}

function fields(fl: ast.FieldList | null, d: number, sep: string): string {
  if (!fl) return '';
  return fl.list
    .map((f) => {
      const names = f.names.map((n) => n.name).join(', ');
      const t = f.type.kind === 'FuncType' && names && sep === '; ' ? signature(f.type, d) : expr(f.type, d);
      return names ? (f.type.kind === 'FuncType' && sep === '; ' ? names + t : `${names} ${t}`) : t;
    })
    .join(sep);
}

function signature(t: ast.FuncType, d: number): string {
  let s = '';
  if (t.typeParams) s += `[${fields(t.typeParams, d, ', ')}]`;
  s += `(${fields(t.params, d, ', ')})`;
  if (t.results) {
    const r = t.results;
    const single = r.list.length === 1 && r.list[0]!.names.length === 0;
    s += single ? ' ' + expr(r.list[0]!.type, d) : ` (${fields(r, d, ', ')})`;
  }
  return s;
}

function expr(x: ast.Expr, d: number): string {
  if (d > MAX_PRINT_DEPTH) return '…';
  d++;
  switch (x.kind) {
    case 'Ident': return x.name;
    case 'BasicLit': return x.raw;
    case 'BadExpr': return '<bad expr>';
    case 'CompositeLit': return (x.type ? expr(x.type, d) : '') + (x.elts.length > 0 ? '{…}' : '{}');
    case 'FuncLit': return 'func' + signature(x.type, d) + (x.body.list.length > 0 ? ' {…}' : ' {}');
    case 'ParenExpr': return `(${expr(x.x, d)})`;
    case 'SelectorExpr': return `${expr(x.x, d)}.${x.sel.name}`;
    case 'IndexExpr': return `${expr(x.x, d)}[${expr(x.index, d)}]`;
    case 'IndexListExpr': return `${expr(x.x, d)}[${list(x.indices, d)}]`;
    case 'SliceExpr': {
      let s = `${expr(x.x, d)}[${x.low ? expr(x.low, d) : ''}:${x.high ? expr(x.high, d) : ''}`;
      if (x.slice3) s += ':' + (x.max ? expr(x.max, d) : '');
      return s + ']';
    }
    case 'TypeAssertExpr': return `${expr(x.x, d)}.(${x.type ? expr(x.type, d) : 'type'})`;
    case 'CallExpr': return `${expr(x.fun, d)}(${list(x.args, d)}${x.ellipsis ? '...' : ''})`;
    case 'StarExpr': return '*' + expr(x.x, d);
    case 'UnaryExpr': return x.op + expr(x.x, d);
    case 'BinaryExpr': return `${expr(x.x, d)} ${x.op} ${expr(x.y, d)}`;
    case 'KeyValueExpr': return `${expr(x.key, d)}: ${expr(x.value, d)}`;
    case 'ArrayType': return `[${x.len ? expr(x.len, d) : ''}]${expr(x.elt, d)}`;
    case 'Ellipsis': return '...' + (x.elt ? expr(x.elt, d) : '');
    case 'StructType': return x.fields.list.length > 0 ? `struct{${fields(x.fields, d, '; ')}}` : 'struct{}';
    case 'FuncType': return 'func' + signature(x, d);
    case 'InterfaceType': return x.methods.list.length > 0 ? `interface{${fields(x.methods, d, '; ')}}` : 'interface{}';
    case 'MapType': return `map[${expr(x.key, d)}]${expr(x.value, d)}`;
    case 'ChanType': {
      const v = expr(x.value, d);
      if (x.dir === 'send') return 'chan<- ' + v;
      if (x.dir === 'recv') return '<-chan ' + v;
      // `chan (<-chan int)` needs parens to keep its meaning
      return x.value.kind === 'ChanType' && x.value.dir === 'recv' ? `chan (${v})` : 'chan ' + v;
    }
  }
}

/** A simple statement on one line (`x := 1`, `x++`, `ch <- v`). */
export function stmtString(s: ast.Stmt): string {
  switch (s.kind) {
    case 'ExprStmt': return exprString(s.x);
    case 'AssignStmt': return `${list(s.lhs, 0)} ${s.op} ${list(s.rhs, 0)}`;
    case 'IncDecStmt': return exprString(s.x) + (s.inc ? '++' : '--');
    case 'SendStmt': return `${exprString(s.chan)} <- ${exprString(s.value)}`;
    case 'EmptyStmt': return '';
    default: return s.kind;
  }
}
