// Explore mode: which functions start quietly. Two goroutines that run the same code with the
// same captured variables and arguments can be searched as one until their first visible
// operation (runtime/scheduler.ts, findTwin), but only if what each does before that operation
// can neither be seen by anyone nor come out differently for the second: no draw from the
// seeded random stream (math/rand, a map's order), no goroutine started, no loop that could
// spin, no read of a variable another goroutine may change, no write to a shared one.
//
// A function starts quietly when its body is `defer` statements of plain calls, then one visible
// operation whose operands are quiet expressions: a send, a receive, a select of sends and
// receives, a range over a channel, a `for { ... }` beginning with one of those, a sync method
// call (`mu.Lock()`, `wg.Wait()`), `time.Sleep(d)`, or a print of basic values. A quiet
// expression reads only constants, the function's own parameters and captured variables that
// never change after their declaration (Var.mutable: the escape analysis's; no structs or arrays,
// whose elements may change), or takes an address, and cannot panic: a panic there would run the
// deferred calls, which may do anything, before the first operation. Anything else, however
// harmless, does not start quietly: the search then treats the goroutines as strangers, as it
// always did.
import type * as ast from '../syntax/ast.ts';
import type { Type, Var } from '../types/types.ts';
import type { Compiler } from './compiler.ts';
import { under } from '../types/predicates.ts';
import { isAggregate } from '../runtime/ops.ts';

export function startsQuietly(c: Compiler, body: ast.BlockStmt, caps: readonly Var[]): boolean {
  const list = body.list;
  let i = 0;
  while (i < list.length && list[i]!.kind === 'DeferStmt' && quietDefer(c, caps, (list[i] as ast.DeferStmt).call)) i++;
  return i < list.length && quietOp(c, caps, list[i]!);
}

function unparen(e: ast.Expr): ast.Expr {
  while (e.kind === 'ParenExpr') e = e.x;
  return e;
}

/**
 * Whether reading v gives every goroutine running this code the same value, whenever it reads: a
 * parameter, or a captured variable that never changes. Not a captured struct or array: writing
 * one of its fields or elements does not count as changing the variable (Var.mutable).
 */
function readable(c: Compiler, caps: readonly Var[], v: Var): boolean {
  if (c.esc.globals.has(v)) return false;
  return !caps.includes(v) || (!v.mutable && !isAggregate(v.type));
}

/** Operators that can panic (a zero divisor, a negative shift count) are left out, unless constant. */
const MAY_PANIC = new Set(['/', '%', '<<', '>>']);

function quiet(c: Compiler, caps: readonly Var[], e: ast.Expr): boolean {
  e = unparen(e);
  const tv = c.info.types.get(e.id);
  if (tv !== undefined && tv.mode === 'constant') return true;
  switch (e.kind) {
    case 'BasicLit': return true;
    case 'Ident': {
      const o = c.info.uses.get(e.id);
      if (o === undefined) return false;
      if (o.tag === 'Var') return readable(c, caps, o);
      return o.tag === 'Const' || o.tag === 'Nil' || o.tag === 'Func' || o.tag === 'TypeName';
    }
    case 'CompositeLit': return e.elts.every((x) => (x.kind === 'KeyValueExpr' ? quiet(c, caps, x.key) && quiet(c, caps, x.value) : quiet(c, caps, x)));
    case 'UnaryExpr': {
      if (e.op === '<-') return false;
      // An address reads nothing (`&wg`, `&T{}`).
      if (e.op === '&') { const x = unparen(e.x); return x.kind === 'Ident' || (x.kind === 'CompositeLit' && quiet(c, caps, x)); }
      return quiet(c, caps, e.x);
    }
    // On numbers, strings and booleans only: comparing interfaces can panic.
    case 'BinaryExpr': return !MAY_PANIC.has(e.op) && basic(c, e.x) && basic(c, e.y) && quiet(c, caps, e.x) && quiet(c, caps, e.y);
    case 'CallExpr': {
      // A conversion of a quiet value to a number or string (a slice to an array can panic).
      const f = c.info.types.get(unparen(e.fun).id);
      return f !== undefined && f.mode === 'typexpr' && under(f.type).tag === 'Basic' && e.args.length === 1 && quiet(c, caps, e.args[0]!);
    }
    default: return false;
  }
}

function basic(c: Compiler, e: ast.Expr): boolean {
  return under(c.typeOf(e)).tag === 'Basic';
}

/** A sync struct (Mutex, WaitGroup...), or a pointer to one; not the interface sync.Locker, whose Lock may be the program's. */
function isSync(t: Type): boolean {
  const n = t.tag === 'Pointer' ? t.elem : t;
  return n.tag === 'Named' && n.pkg === 'sync' && under(n).tag === 'Struct';
}

/** `x.M(args)` on a sync object: only x's address is taken (or x, a quiet pointer, is read). */
function syncCall(c: Compiler, caps: readonly Var[], e: ast.CallExpr): boolean {
  const f = unparen(e.fun);
  if (f.kind !== 'SelectorExpr' || !e.args.every((a) => quiet(c, caps, a))) return false;
  const x = unparen(f.x);
  if (x.kind !== 'Ident') return false;
  const o = c.info.uses.get(x.id);
  if (o === undefined || o.tag !== 'Var' || !isSync(o.type)) return false;
  return o.type.tag !== 'Pointer' || readable(c, caps, o);
}

/** A deferred call whose function and arguments, evaluated now, are quiet: a closure, a sync method, a function, close(ch). */
function quietDefer(c: Compiler, caps: readonly Var[], e: ast.CallExpr): boolean {
  const f = unparen(e.fun);
  const args = e.args.every((a) => quiet(c, caps, a));
  if (f.kind === 'FuncLit') return args;
  if (f.kind === 'Ident') {
    const o = c.info.uses.get(f.id);
    return args && o !== undefined && (o.tag === 'Func' || (o.tag === 'Builtin' && o.name === 'close'));
  }
  return syncCall(c, caps, e);
}

function quietRecv(c: Compiler, caps: readonly Var[], e: ast.Expr): boolean {
  const x = unparen(e);
  return x.kind === 'UnaryExpr' && x.op === '<-' && quiet(c, caps, x.x);
}

/** A select case's communication, or a statement that receives into new variables. */
function quietComm(c: Compiler, caps: readonly Var[], s: ast.Stmt): boolean {
  switch (s.kind) {
    case 'SendStmt': return quiet(c, caps, s.chan) && quiet(c, caps, s.value);
    case 'ExprStmt': return quietRecv(c, caps, s.x);
    // `v := <-ch` (new variables: nothing is read before the receive, unlike `a[i] = <-ch`).
    case 'AssignStmt': return s.op === ':=' && s.rhs.length === 1 && quietRecv(c, caps, s.rhs[0]!);
    default: return false;
  }
}

function quietOp(c: Compiler, caps: readonly Var[], s: ast.Stmt): boolean {
  switch (s.kind) {
    case 'SendStmt': case 'AssignStmt': return quietComm(c, caps, s);
    case 'ExprStmt': {
      if (quietRecv(c, caps, s.x)) return true;
      const x = unparen(s.x);
      return x.kind === 'CallExpr' && (syncCall(c, caps, x) || quietLibraryCall(c, caps, x));
    }
    case 'SelectStmt': return s.body.every((cl) => cl.comm === null || quietComm(c, caps, cl.comm));
    case 'RangeStmt': return under(c.typeOf(s.x)).tag === 'Chan' && quiet(c, caps, s.x);
    case 'ForStmt': return s.init === null && s.cond === null && s.post === null && s.body.list.length > 0 && quietOp(c, caps, s.body.list[0]!);
    default: return false;
  }
}

/** `time.Sleep(d)`, or `fmt.Print`/`Println`/`Printf` of values of basic types (no String method can run). */
function quietLibraryCall(c: Compiler, caps: readonly Var[], e: ast.CallExpr): boolean {
  const f = unparen(e.fun);
  if (f.kind !== 'SelectorExpr' || unparen(f.x).kind !== 'Ident' || e.ellipsis !== null) return false;
  const pkg = c.info.uses.get(unparen(f.x).id);
  if (pkg === undefined || pkg.tag !== 'PkgName') return false;
  const name = `${pkg.path}.${f.sel.name}`;
  if (!e.args.every((a) => quiet(c, caps, a))) return false;
  if (name === 'time.Sleep') return true;
  if (name !== 'fmt.Print' && name !== 'fmt.Println' && name !== 'fmt.Printf') return false;
  return e.args.every((a) => c.typeOf(a).tag === 'Basic');
}
