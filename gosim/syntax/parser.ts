// Parses one Go source file into gosim's syntax tree (ast.ts). The grammar walk and the
// error recovery follow Go's own compiler front end (cmd/compile/internal/syntax), because
// learners must see the very syntax errors `go build` prints: same words, same line:col,
// first error per line only, and "too many errors" after ten. The grammar is layered across
// base/decls/types/exprs/stmts only so that each part stays readable on its own.
import type * as ast from './ast.ts';
import { Bailout } from './base.ts';
import { goCommandHeaderError } from './header.ts';
import { Parser } from './stmts.ts';

export interface ParseResult {
  file: ast.File;
  errors: ast.SourceError[];
  stage: 'compile' | 'load';
}

/**
 * Parse a whole file. Never throws; errors come back in `errors`, in the order Go prints them.
 *
 * `stage` says which part of the toolchain Go would report them from:
 *  - 'compile': the compiler (print each as `./prog.go:L:C: msg` under the
 *    `# command-line-arguments` header). If any message starts with "syntax error", Go stops
 *    there; otherwise it type-checks too and prints these merged with the type errors, sorted
 *    by position (label/branch errors and "expression in go must be function call" are such).
 *  - 'load': the go command rejected the package clause or imports before compiling; `errors`
 *    holds the one error it prints, as `prog.go:L:C: msg` (no "./", no header).
 */
export function parseFile(source: string, filename = 'prog.go'): ParseResult {
  const p = new Parser(source, filename);
  let file: ast.File;
  try {
    file = p.file(filename);
  } catch (e) {
    if (!(e instanceof Bailout)) {
      p.reportInternal(e);
    }
    file = p.partialFile(filename);
  }
  let header: ast.SourceError | null = null;
  try {
    header = goCommandHeaderError(source);
  } catch {
    header = null;
  }
  if (header) return { file, errors: [header], stage: 'load' };
  return { file, errors: p.finishErrors(), stage: 'compile' };
}
