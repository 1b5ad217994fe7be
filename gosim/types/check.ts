// The type checker's driver (after go/types' Checker): scopes, error reporting in gc's order
// and format, library packages from lib/decls.ts, and the entry points checkFile/checkSource.
import type * as ast from '../ast.ts';
import { Func, PkgName, Var, type GoObject, type Info, type Type, type TypeAndValue } from './types.ts';
import { universe } from './universe.ts';
import { errorTypeString, gcQualifier } from './typestring.ts';
import { libraryDecls, declsFilename } from '../lib/decls.ts';
import { parseFile } from '../parser.ts';
import { checkPackage, completePackage, mainUndeclared, resolveObject } from './decl.ts';

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

export interface CheckOptions {
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

  constructor(readonly pkg: string, readonly filename: string, readonly maxErrors: number) {
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
    return loadLibrary(path);
  }
}

export { TooManyErrors };

// ---------------------------------------------------------------- library packages

const libraryCache = new Map<string, Package | null>();
const loading = new Set<string>();

/** The checked declarations of a library package, or null if gosim does not provide it. */
export function loadLibrary(path: string): Package | null {
  if (libraryCache.has(path)) return libraryCache.get(path)!;
  const src = libraryDecls[path];
  if (src === undefined || loading.has(path)) return null;
  loading.add(path);
  try {
    const filename = declsFilename(path);
    const { file, errors } = parseFile(src, filename);
    const c = new Checker(path, filename, 0);
    // The checker's own list: errors in declarations checked later still show up in it.
    c.errors.push(...errors);
    const pkg: Package = {
      path, name: file.packageName.name, scope: c.pkgScope, info: c.info, errors: c.errors,
      lookup: (name) => {
        const obj = c.pkgScope.names.get(name);
        if (obj !== undefined && errors.length === 0) resolveObject(c, obj);
        return obj;
      },
      complete: () => { if (errors.length === 0) completePackage(c); },
    };
    if (errors.length === 0) checkPackage(c, file, { library: true });
    libraryCache.set(path, pkg);
    return pkg;
  } finally {
    loading.delete(path);
  }
}

/** Every library package's declaration errors; empty when lib/decls.ts is consistent. */
export function libraryErrors(): string[] {
  const out: string[] = [];
  for (const path of Object.keys(libraryDecls)) {
    const p = loadLibrary(path);
    if (!p) { out.push(`${path}: failed to load`); continue; }
    p.complete();
    for (const e of p.errors) out.push(`${declsFilename(path)}:${e.pos.line}:${e.pos.col}: ${e.message}`);
  }
  return out;
}

/** A named type of a library package or of the checked program, e.g. 'time.Duration'. */
export function lookupLibraryType(qualified: string): Type | null {
  const i = qualified.lastIndexOf('.');
  const pkg = loadLibrary(qualified.slice(0, i));
  const obj = pkg?.lookup(qualified.slice(i + 1));
  return obj && obj.tag === 'TypeName' ? obj.type : null;
}

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

export function checkFile(file: ast.File, opts: CheckOptions = {}): CheckResult {
  const max = opts.maxErrors ?? 10;
  const c = new Checker('main', file.filename, max);
  let tooMany: ast.Pos | null = null;
  try {
    checkPackage(c, file, { library: false });
  } catch (e) {
    if (e instanceof TooManyErrors) tooMany = c.errors[c.errors.length - 1]!.pos;
    else c.errors.push({ pos: file.pos, message: `internal error in gosim's type checker: ${e instanceof Error ? e.message : String(e)}` });
  }
  const packages = new Map<string, Package>();
  for (const imp of c.imports) {
    const p = loadLibrary(imp.path);
    if (p) packages.set(imp.path, p);
  }
  const errors = [...c.errors].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  return { info: c.info, errors, tooMany, packages, reported: [...c.errors] };
}

/** Parser errors that gc reports alongside type errors rather than instead of them. */
const softParseError = /^(break is not in a loop|continue is not in a loop|fallthrough statement out of place|cannot fallthrough|label \S+ (defined and not used|not defined|already defined)|invalid (break|continue) label|goto \S+ jumps|expression in (go|defer) must be function call)/;

export function formatError(filename: string, e: ast.SourceError): string {
  // The linker and the go command word these two their own way.
  if (e.message === mainUndeclared) return `runtime.main_main·f: ${e.message}`;
  if (/^package \S+ is not in std /.test(e.message)) return `${filename}:${e.pos.line}:${e.pos.col}: ${e.message}`;
  return `./${filename}:${e.pos.line}:${e.pos.col}: ${e.message}`;
}

/**
 * Parse and check a program; the compile errors as gc prints them (`./prog.go:L:C: msg`, then
 * `./prog.go:L:C: too many errors` past 10), without the `# command-line-arguments` header;
 * `header` says whether go build prints that header before them.
 */
export function checkSource(source: string, filename = 'prog.go'): { lines: string[]; result: CheckResult | null; file: ast.File; header: boolean } {
  const r = checkSourceLines(source, filename);
  // The go command reports an unresolvable import itself, before any package is compiled, so
  // `# command-line-arguments` does not precede it.
  return { ...r, header: !r.lines.some((l) => /^[^.].*: package \S+ is not in std /.test(l)) };
}

function checkSourceLines(source: string, filename: string): { lines: string[]; result: CheckResult | null; file: ast.File } {
  const { file, errors } = parseFile(source, filename);
  if (errors.length && errors.every((e) => softParseError.test(e.message))) {
    // Branch and go/defer errors: gc reports them with the type checker's errors.
    const result = checkFile(file, { maxErrors: 0 });
    const same = (a: ast.SourceError, b: ast.SourceError) => a.pos.line === b.pos.line && a.pos.col === b.pos.col && a.message === b.message;
    // gc counts the parser's branch errors first, then the type checker's in checking order
    // (`go f` is the type checker's), and stops at the 10th.
    const isGoDefer = (e: ast.SourceError) => e.message.startsWith('expression in ');
    const seq = [
      ...errors.filter((p) => !(isGoDefer(p) && result.reported.some((m) => same(m, p)))),
      ...result.reported.filter((m) => isGoDefer(m) || !errors.some((p) => same(m, p))),
    ];
    const shown = seq.slice(0, 10).sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
    const lines = shown.map((e) => formatError(filename, e));
    if (seq.length >= 10) lines.push(formatError(filename, { pos: seq[9]!.pos, message: 'too many errors' }));
    return { lines, result, file };
  }
  if (errors.length) {
    const sorted = [...errors].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
    const lines = sorted.slice(0, 10).map((e) => formatError(filename, e));
    if (sorted.length > 10) lines.push(formatError(filename, { pos: sorted[9]!.pos, message: 'too many errors' }));
    return { lines, result: null, file };
  }
  const result = checkFile(file);
  const lines = result.errors.map((e) => formatError(filename, e));
  if (result.tooMany) lines.push(formatError(filename, { pos: result.tooMany, message: 'too many errors' }));
  return { lines, result, file };
}

