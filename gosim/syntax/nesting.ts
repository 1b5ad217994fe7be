// How deeply a program's syntax may nest. The parser, the type checker, the compiler and the
// compiled expressions all recurse once per level of the tree, on the JS stack, and gosim also
// runs in a browser's Web Worker, whose stack may be as small as about 1 MB. On Node's default
// stack (984 KB) the hungriest construct, composite literals nested in composite literals, ran
// the parser out after about 750 levels, and a left-nested `a + b + c ...` chain ran the checker
// out after about 1500. gosim accepts 300: every construct tried still builds and runs at that
// depth on a 550 KB stack. Deeper trees get a compile error that names the limit, rather than
// "Maximum call stack size exceeded" from somewhere inside.
//
// A left-nested chain is built by a loop in the parser, so only a walk of the finished tree can
// see how deep it is (checkNesting). Constructs the parser reaches by recursion (parentheses,
// blocks, types, nested literals) are stopped by the parser itself, through a count of its own
// recursion (ParserBase.enter) which runs up to three times as fast as the tree's depth; its
// limit is set so that it never stops a tree the walk would accept, and the places that count
// are those that use the most JS stack, so that it stops any construct in time.
import type * as ast from './ast.ts';
import { children } from './walk.ts';

/** Levels of the syntax tree gosim accepts, counted from the file down. */
export const MAX_NESTING = 300;

/**
 * The parser's own recursion limit: three of its levels per level of the tree at most (a
 * composite literal inside a composite literal), so a tree within MAX_NESTING never reaches it.
 */
export const MAX_PARSE_DEPTH = 3 * MAX_NESTING + 30;

/** What a learner would call the construct that nests: it heads the error message. */
export type Nested = 'expression' | 'statement' | 'block' | 'type';

export function nestedTooDeeply(what: Nested): string {
  return `${what} nested too deeply (gosim accepts ${MAX_NESTING} levels)`;
}

const TYPE_KINDS = new Set<ast.Node['kind']>([
  'ArrayType', 'Ellipsis', 'Field', 'FieldList', 'StructType', 'FuncType', 'InterfaceType', 'MapType', 'ChanType',
]);

/** Whether `child` of `parent` is written where a type goes (`*T` is then a pointer type, not a load). */
function typePosition(parent: ast.Node, parentInType: boolean, child: ast.Node): boolean {
  if (TYPE_KINDS.has(child.kind)) return true;
  switch (parent.kind) {
    case 'ValueSpec': case 'TypeSpec': case 'CompositeLit': case 'TypeAssertExpr': return child === parent.type;
    case 'ArrayType': return child === parent.elt;
    case 'Field': case 'MapType': case 'ChanType': case 'Ellipsis': case 'StarExpr': case 'ParenExpr': return parentInType;
    default: return false;
  }
}

function category(n: ast.Node, inType: boolean): Nested {
  if (n.kind === 'BlockStmt') return 'block';
  if (inType) return 'type';
  if (n.kind.endsWith('Stmt') || n.kind === 'CaseClause' || n.kind === 'CommClause') return 'statement';
  return 'expression';
}

interface Level {
  node: ast.Node;
  inType: boolean;
  children: ast.Node[];
  next: number;
}

/**
 * Where the tree below `root` first goes deeper than MAX_NESTING, in source order, with `base`
 * levels above root: the node at the limit whose child is one level too deep, named after what
 * most of the levels above it are (a chain of else-ifs is a statement nested too deeply, even
 * where the level too many is its condition); null when the tree is within the limit.
 * Iterative, so any depth is measured safely.
 */
export function checkNesting(root: ast.Node, base: number): { pos: ast.Pos; message: string } | null {
  const rootType = TYPE_KINDS.has(root.kind);
  const path: Level[] = [{ node: root, inType: rootType, children: children(root), next: 0 }];
  while (path.length > 0) {
    const top = path[path.length - 1]!;
    if (top.next === top.children.length) {
      path.pop();
      continue;
    }
    if (base + path.length - 1 >= MAX_NESTING) return { pos: top.node.pos, message: nestedTooDeeply(mostly(path)) };
    const c = top.children[top.next++]!;
    path.push({ node: c, inType: typePosition(top.node, top.inType, c), children: children(c), next: 0 });
  }
  return null;
}

function mostly(path: readonly Level[]): Nested {
  const count = new Map<Nested, number>();
  let best: Nested = 'expression', most = 0;
  for (const l of path) {
    const k = category(l.node, l.inType);
    const n = (count.get(k) ?? 0) + 1;
    count.set(k, n);
    if (n > most) { most = n; best = k; }
  }
  return best;
}
