// Plain functions: the program's functions that can run as ordinary JS calls instead of
// generators, because nothing they do can block, yield or be seen by anyone else.
//
// Every Go function is a generator so that any call can park its goroutine (code.ts). A call
// costs a few generator objects and a trip through the scheduler's drive loop, which makes
// call-heavy code (recursive fib) several times slower than it needs to be. A function whose
// body only computes, on its own variables, calling only functions like itself, never needs to
// park, so it also gets a second, plain version (makePlainFunc) that callers run directly.
//
// The rules are strict on purpose, because a plain call may be abandoned half-way and redone as
// generators: a deep recursion can run out of JS stack (plain calls nest JS frames, generator
// calls do not), and then the call starts again from the top through the generator version
// (compileCall). That is only invisible when the abandoned part changed nothing. So a plain
// function:
//   - has no loops (a loop could spin without yielding to the scheduler) and no defer, go,
//     select, send, receive, closure, composite literal, `&`, method call or library call;
//   - assigns only its own local variables (never a package variable, a field or an element);
//   - calls only plain functions of the program, the builtins len, cap, min and max, and
//     conversions.
// Reading package variables, fields, elements and through pointers is fine: nothing else runs
// while a plain call does. A runtime panic (division by zero, index out of range) in a plain
// call is the same panic, raised at the same line with the same frames.
import type * as ast from '../syntax/ast.ts';
import type { Func, Info, Var } from '../types/types.ts';
import { Tuple } from '../types/types.ts';

const PLAIN_BUILTINS = new Set(['len', 'cap', 'min', 'max']);

/**
 * The program's top-level functions (not methods, not main or init) that can run as plain calls,
 * leaving out `excluded` and the functions that call them.
 */
export function plainFunctions(file: ast.File, info: Info, globals: ReadonlySet<Var>, excluded: ReadonlySet<Func> = new Set()): Set<Func> {
  const calls = new Map<Func, Set<Func>>();
  for (const d of file.decls) {
    if (d.kind !== 'FuncDecl' || d.recv !== null || d.body === null || d.type.typeParams) continue;
    if (d.name.name === 'main' || d.name.name === 'init') continue;
    const f = info.defs.get(d.name.id);
    if (!f || f.tag !== 'Func' || excluded.has(f)) continue;
    const callees = new Set<Func>();
    if (new BodyCheck(info, globals, callees).block(d.body)) calls.set(f, callees);
  }
  // The greatest set closed under calls: drop a function calling one that is not plain, until none does.
  for (let changed = true; changed;) {
    changed = false;
    for (const [f, callees] of calls) {
      for (const callee of callees) {
        if (!calls.has(callee)) { calls.delete(f); changed = true; break; }
      }
    }
  }
  return new Set(calls.keys());
}

class BodyCheck {
  constructor(readonly info: Info, readonly globals: ReadonlySet<Var>, readonly callees: Set<Func>) {}

  block(b: ast.BlockStmt): boolean {
    return b.list.every((s) => this.stmt(s));
  }

  stmt(s: ast.Stmt): boolean {
    switch (s.kind) {
      case 'EmptyStmt': return true;
      case 'BlockStmt': return this.block(s);
      case 'ExprStmt': return s.x.kind === 'CallExpr' && this.expr(s.x);
      case 'IncDecStmt': return this.local(s.x);
      case 'AssignStmt': return s.lhs.every((l) => this.local(l)) && s.rhs.every((r) => this.expr(r));
      case 'ReturnStmt': return s.results.every((r) => this.expr(r));
      case 'IfStmt':
        return (s.init === null || this.stmt(s.init)) && this.expr(s.cond) && this.block(s.body) && (s.else_ === null || this.stmt(s.else_));
      case 'SwitchStmt':
        return (s.init === null || this.stmt(s.init)) && (s.tag === null || this.expr(s.tag))
          && s.body.every((cc) => cc.list.every((x) => this.expr(x)) && cc.body.every((b) => this.stmt(b)));
      case 'BranchStmt': return s.label === null && (s.tok === 'break' || s.tok === 'fallthrough');
      case 'DeclStmt':
        if (s.decl.tok === 'const') return true;
        return s.decl.tok === 'var' && s.decl.specs.every((sp) => sp.kind === 'ValueSpec' && sp.values.every((v) => this.expr(v)));
      default: return false;
    }
  }

  /** An assignment target: a local variable of this function, or the blank identifier. */
  local(e: ast.Expr): boolean {
    if (e.kind !== 'Ident') return false;
    if (e.name === '_') return true;
    const o = this.info.uses.get(e.id) ?? this.info.defs.get(e.id);
    return o !== undefined && o.tag === 'Var' && !this.globals.has(o) && o.pkg === 'main';
  }

  expr(e: ast.Expr): boolean {
    switch (e.kind) {
      case 'BasicLit': return true;
      case 'Ident': {
        const o = this.info.uses.get(e.id);
        return o !== undefined && (o.tag === 'Var' || o.tag === 'Const' || o.tag === 'Nil');
      }
      case 'ParenExpr': case 'StarExpr': return this.expr(e.x);
      case 'BinaryExpr': return this.expr(e.x) && this.expr(e.y);
      case 'UnaryExpr': return e.op !== '<-' && e.op !== '&' && this.expr(e.x);
      case 'IndexExpr': return this.expr(e.x) && this.expr(e.index);
      case 'SliceExpr':
        return this.expr(e.x) && [e.low, e.high, e.max].every((x) => x === null || this.expr(x));
      case 'SelectorExpr': {
        const sel = this.info.selections.get(e.id);
        if (sel) return sel.kind === 'field' && this.expr(e.x);
        // A qualified identifier: only a library constant (math.MaxInt64).
        const o = this.info.uses.get(e.sel.id);
        return o !== undefined && o.tag === 'Const';
      }
      case 'CallExpr': return this.call(e);
      default: return false;
    }
  }

  call(e: ast.CallExpr): boolean {
    if (e.ellipsis !== null) return false;
    if (!e.args.every((a) => this.expr(a))) return false;
    // f(g()) with g returning several values goes through the general call path.
    if (e.args.length === 1 && this.info.types.get(e.args[0]!.id)?.type instanceof Tuple) return false;
    const tv = this.info.types.get(e.fun.id);
    if (tv !== undefined && tv.mode === 'typexpr') return true;
    let fun = e.fun;
    while (fun.kind === 'ParenExpr') fun = fun.x;
    if (fun.kind !== 'Ident') return false;
    const o = this.info.uses.get(fun.id);
    if (o === undefined) return false;
    if (o.tag === 'Builtin') return PLAIN_BUILTINS.has(o.name);
    if (o.tag !== 'Func' || o.pkg !== 'main') return false;
    this.callees.add(o);
    return true;
  }
}
