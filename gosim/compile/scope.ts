// Escape analysis before compiling: which local variables a closure captures or `&` addresses
// (those live in a Box so every holder sees one variable, unless nothing can change them after
// their declaration: Var.mutable), and each function literal's free variables (copied into the
// closure when it is created).
import type * as ast from '../syntax/ast.ts';
import type { Info, Var } from '../types/types.ts';
import { children } from '../syntax/walk.ts';

export interface Escapes {
  /** Free variables of each FuncLit (by node id), in first-use order. */
  freeVars: Map<number, Var[]>;
  /** Variables declared at package level. */
  globals: Set<Var>;
}

type FnNode = ast.FuncDecl | ast.FuncLit;

export function analyze(file: ast.File, info: Info): Escapes {
  const freeVars = new Map<number, Var[]>();
  const globals = new Set<Var>();
  const declIn = new Map<Var, FnNode>();
  const stack: FnNode[] = [];

  for (const d of file.decls) {
    if (d.kind === 'GenDecl' && d.tok === 'var') {
      for (const s of d.specs) {
        if (s.kind !== 'ValueSpec') continue;
        for (const n of s.names) {
          const o = info.defs.get(n.id);
          if (o && o.tag === 'Var') globals.add(o);
        }
      }
    }
  }

  const capture = (v: Var) => {
    const d = declIn.get(v);
    if (!d) return;
    const i = stack.lastIndexOf(d);
    if (i === stack.length - 1) return;
    v.captured = true;
    for (let k = i + 1; k < stack.length; k++) {
      const f = stack[k]!;
      let list = freeVars.get(f.id);
      if (!list) { list = []; freeVars.set(f.id, list); }
      if (!list.includes(v)) list.push(v);
    }
  };

  const addressed = (x: ast.Expr) => {
    while (x.kind === 'ParenExpr') x = x.x;
    if (x.kind === 'Ident') {
      const o = info.uses.get(x.id) ?? info.defs.get(x.id);
      if (o && o.tag === 'Var' && !globals.has(o)) { o.captured = true; o.mutable = true; }
    }
  };
  // An identifier the statement assigns to (a use, not the declaration `:=` makes).
  const assigned = (x: ast.Expr | null) => {
    while (x !== null && x.kind === 'ParenExpr') x = x.x;
    if (x === null || x.kind !== 'Ident') return;
    const o = info.uses.get(x.id);
    if (o && o.tag === 'Var') o.mutable = true;
  };
  // Named results: a return statement assigns them.
  const results = (t: ast.FuncType) => {
    for (const f of t.results?.list ?? []) {
      for (const n of f.names) {
        const o = info.defs.get(n.id);
        if (o && o.tag === 'Var') o.mutable = true;
      }
    }
  };

  const visit = (n: ast.Node): void => {
    switch (n.kind) {
      case 'FuncDecl':
      case 'FuncLit':
        results(n.type);
        stack.push(n);
        freeVars.set(n.id, freeVars.get(n.id) ?? []);
        for (const c of children(n)) visit(c);
        stack.pop();
        return;
      case 'Ident': {
        const d = info.defs.get(n.id);
        if (d && d.tag === 'Var' && !globals.has(d) && stack.length > 0) declIn.set(d, stack[stack.length - 1]!);
        const u = info.uses.get(n.id);
        if (u && u.tag === 'Var' && !globals.has(u)) capture(u);
        return;
      }
      case 'UnaryExpr':
        if (n.op === '&') addressed(n.x);
        break;
      case 'AssignStmt':
        // `:=` assigns the names it redeclares (uses); the others are its declarations.
        for (const l of n.lhs) assigned(l);
        break;
      case 'IncDecStmt':
        assigned(n.x);
        break;
      case 'RangeStmt':
        if (n.tok === '=') { assigned(n.key); assigned(n.value); }
        break;
      case 'SelectorExpr': {
        const sel = info.selections.get(n.id);
        if (sel && sel.kind === 'method' && sel.addressOf) addressed(n.x);
        break;
      }
      case 'CaseClause': {
        const v = info.implicits.get(n.id);
        if (v && stack.length > 0) declIn.set(v, stack[stack.length - 1]!);
        break;
      }
      default:
        break;
    }
    for (const c of children(n)) visit(c);
  };
  visit(file);
  return { freeVars, globals };
}
