// The type checker's driver (after go/types' Checker): scopes, error reporting in gc's order,
// and the entry point checkFile. Like go/types it never knows where imported packages come
// from: it is handed an Importer (gosim's library importer is build/library.ts).
import type * as ast from '../syntax/ast.ts';
import { Func, PkgName, Var, type GoObject, type Info, type Type, type TypeAndValue } from './types.ts';
import { universe } from './universe.ts';
import { errorTypeString, gcQualifier } from './typestring.ts';
import { checkPackage } from './decl.ts';

export class Scope {
  readonly names = new Map<string, GoObject>();
  readonly children: Scope[] = [];
  constructor(readonly parent: Scope | null, readonly isFunc = false) {
    parent?.children.push(this);
  }
  lookup(name: string): GoObject | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const o = s.names.get(name);
      if (o) return o;
    }
    return universe.get(name) ?? null;
  }
}

export interface Package {
  path: string;
  name: string;
  scope: Scope;
  info: Info;
  errors: ast.SourceError[];
  /**
   * A library package is checked lazily: this returns one of its objects by name, checked (with
   * its methods, for a type). Every lookup of another package's names goes through here.
   */
  lookup(name: string): GoObject | undefined;
  /** Check every declaration of the package now (its own tests look for errors in all of them). */
  complete(): void;
}

/** Where imported packages come from (go/types' Importer): null when there is no such package. */
export interface Importer {
  importPackage(path: string): Package | null;
}

export interface CheckOptions {
  /** Where the file's imports come from. */
  importer: Importer;
  /** Stop after this many errors, as gc does (10); 0 means no limit. */
  maxErrors?: number;
}

export function newInfo(): Info {
  return {
    types: new Map(), defs: new Map(), uses: new Map(), implicits: new Map(),
    selections: new Map(), instances: new Map(), initOrder: [],
  };
}

/** Thrown when the error limit is reached, to stop checking as gc does. */
class TooManyErrors extends Error {}

export class Checker {
  readonly info: Info = newInfo();
  /** Errors in the order they were reported (gc sorts them on output). */
  readonly errors: ast.SourceError[] = [];
  readonly pkgScope: Scope;
  scope: Scope;
  /** The signature of the function whose body is being checked. */
  funcSig: import('./types.ts').Signature | null = null;
  /** Package-level objects the current declaration refers to, for initialization order. */
  deps: Set<GoObject> | null = null;
  readonly imports: PkgName[] = [];
  iota: bigint | null = null;
  stopped = false;
  /** Labels of the function bodies being checked, innermost last. */
  labels: Map<string, { stmt: ast.LabeledStmt; used: boolean }>[] = [];

  constructor(readonly pkg: string, readonly filename: string, readonly maxErrors: number, readonly importer: Importer) {
    this.pkgScope = new Scope(null);
    this.scope = this.pkgScope;
  }

  error(pos: ast.Pos, message: string): void {
    if (this.stopped) return;
    // gc reports one error per line at most for follow-on type errors; go/types itself avoids
    // follow-ons by marking operands invalid, so exact duplicates are all that remain.
    if (this.errors.some((e) => e.pos.line === pos.line && e.pos.col === pos.col && e.message === message)) return;
    this.errors.push({ pos, message });
    if (this.maxErrors > 0 && this.errors.length >= this.maxErrors) {
      this.stopped = true;
      throw new TooManyErrors();
    }
  }

  record(e: ast.Expr, tv: TypeAndValue): void {
    this.info.types.set(e.id, tv);
  }

  use(id: ast.Ident, obj: GoObject): void {
    this.info.uses.set(id.id, obj);
    if (this.deps && (obj.tag === 'Var' || obj.tag === 'Func') && this.pkgScope.names.get(obj.name) === obj) this.deps.add(obj);
  }

  def(id: ast.Ident, obj: GoObject): void {
    this.info.defs.set(id.id, obj);
  }

  declare(scope: Scope, id: ast.Ident, obj: GoObject): void {
    this.def(id, obj);
    if (id.name === '_') return;
    const prev = scope.names.get(id.name);
    if (prev) {
      this.error(id.pos, `${id.name} redeclared in this block\n\t${this.filename === '' ? '' : './' + this.filename}:${prev.pos ? `${prev.pos.line}:${prev.pos.col}` : ''}: other declaration of ${id.name}`);
      return;
    }
    scope.names.set(id.name, obj);
  }

  openScope(isFunc = false): Scope {
    this.scope = new Scope(this.scope, isFunc);
    return this.scope;
  }
  closeScope(): void {
    this.scope = this.scope.parent ?? this.pkgScope;
  }

  /** Run fn, turning any internal failure into a compile error at `at` instead of a crash. */
  guard(at: ast.Pos, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof TooManyErrors) throw e;
      this.error(at, `internal error in gosim's type checker: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  typeStr(t: Type): string {
    if (!this.qualifier) this.qualifier = gcQualifier(this.imports.map((p) => p.path));
    return errorTypeString(t, this.pkg, this.qualifier);
  }
  private qualifier: ((path: string) => string) | null = null;

  importPackage(path: string): Package | null {
    return this.importer.importPackage(path);
  }
}

export { TooManyErrors };

// ---------------------------------------------------------------- entry points

export interface CheckResult {
  info: Info;
  /** Errors sorted by position, at most 10 as gc prints them (then `tooMany` is set). */
  errors: ast.SourceError[];
  /** gc's "too many errors" line follows the errors, at this position. */
  tooMany: ast.Pos | null;
  /** The same errors in the order they were found (gc's limit counts in this order). */
  reported: ast.SourceError[];
  /** Library packages the program imported, by path. */
  packages: Map<string, Package>;
}

export function checkFile(file: ast.File, opts: CheckOptions): CheckResult {
  const max = opts.maxErrors ?? 10;
  const c = new Checker('main', file.filename, max, opts.importer);
  let tooMany: ast.Pos | null = null;
  try {
    checkPackage(c, file, { library: false });
  } catch (e) {
    if (e instanceof TooManyErrors) tooMany = c.errors[c.errors.length - 1]!.pos;
    else c.errors.push({ pos: file.pos, message: `internal error in gosim's type checker: ${e instanceof Error ? e.message : String(e)}` });
  }
  const packages = new Map<string, Package>();
  for (const imp of c.imports) {
    const p = opts.importer.importPackage(imp.path);
    if (p) packages.set(imp.path, p);
  }
  const errors = [...c.errors].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  return { info: c.info, errors, tooMany, packages, reported: [...c.errors] };
}
