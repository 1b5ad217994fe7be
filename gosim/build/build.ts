// The build step, as `go build` does it for one file: parse once, check against the library
// importer, and say what go build would print. Everything about go build's error report lives
// here: which parser errors gc reports together with type errors, the cap of ten errors, the
// `./file:line:col: ` prefix, and the `# command-line-arguments` heading compiler errors come
// under (the go command's own load errors come without it).
import type * as ast from '../syntax/ast.ts';
import { parseFile } from '../syntax/parser.ts';
import { checkFile, type CheckResult, type Importer } from '../types/check.ts';
import { mainUndeclared } from '../types/decl.ts';
import { library } from './library.ts';

export interface Build {
  file: ast.File;
  /** The type checker's result, or null when the parser stopped the build. */
  result: CheckResult | null;
  /** What go build prints about the program, line by line, without its heading; [] when it builds. */
  lines: string[];
  /** Whether go build puts `# command-line-arguments` before the lines. */
  header: boolean;
}

/** The heading go build prints before a package's compiler errors. */
export const BUILD_HEADING = '# command-line-arguments';

/** Parser errors that gc reports alongside type errors rather than instead of them. */
const softParseError = /^(break is not in a loop|continue is not in a loop|fallthrough statement out of place|cannot fallthrough|label \S+ (defined and not used|not defined|already defined)|invalid (break|continue) label|goto \S+ jumps|expression in (go|defer) must be function call)/;

/** The go command's own complaint about an import, printed before anything is compiled. */
const notInStd = /^package \S+ is not in std /;

function formatError(filename: string, e: ast.SourceError): string {
  // The linker and the go command word these two their own way.
  if (e.message === mainUndeclared) return `runtime.main_main·f: ${e.message}`;
  if (notInStd.test(e.message)) return `${filename}:${e.pos.line}:${e.pos.col}: ${e.message}`;
  return `./${filename}:${e.pos.line}:${e.pos.col}: ${e.message}`;
}

const byPosition = (a: ast.SourceError, b: ast.SourceError): number => a.pos.line - b.pos.line || a.pos.col - b.pos.col;

/** Parses and checks a program once, and says what go build would print about it. */
export function buildSource(source: string, filename = 'prog.go', importer: Importer = library): Build {
  const parsed = parseFile(source, filename);
  const { file, errors } = parsed;
  if (parsed.stage === 'load') {
    // A bad package clause or import block: the go command stops at the first, without `./`.
    const e = errors[0]!;
    return { file, result: null, lines: [`${filename}:${e.pos.line}:${e.pos.col}: ${e.message}`], header: false };
  }
  if (errors.length && !errors.every((e) => softParseError.test(e.message))) {
    // The parser stopped the build: its list is already in order and capped as gc prints it.
    return { file, result: null, lines: errors.map((e) => formatError(filename, e)), header: true };
  }
  let lines: string[];
  let result: CheckResult;
  if (errors.length) {
    // Branch and go/defer errors: gc reports them with the type checker's errors.
    result = checkFile(file, { importer, maxErrors: 0 });
    const same = (a: ast.SourceError, b: ast.SourceError) => a.pos.line === b.pos.line && a.pos.col === b.pos.col && a.message === b.message;
    // gc counts the parser's branch errors first, then the type checker's in checking order
    // (`go f` is the type checker's), and stops at the 10th.
    const isGoDefer = (e: ast.SourceError) => e.message.startsWith('expression in ');
    const seq = [
      ...errors.filter((p) => !(isGoDefer(p) && result.reported.some((m) => same(m, p)))),
      ...result.reported.filter((m) => isGoDefer(m) || !errors.some((p) => same(m, p))),
    ];
    lines = seq.slice(0, 10).sort(byPosition).map((e) => formatError(filename, e));
    if (seq.length >= 10) lines.push(formatError(filename, { pos: seq[9]!.pos, message: 'too many errors' }));
  } else {
    result = checkFile(file, { importer });
    lines = result.errors.map((e) => formatError(filename, e));
    if (result.tooMany) lines.push(formatError(filename, { pos: result.tooMany, message: 'too many errors' }));
  }
  // The go command reports an unresolvable import itself, before any package is compiled.
  return { file, result, lines, header: !lines.some((l) => !l.startsWith('./') && l.includes(': package ') && / is not in std /.test(l)) };
}

/** Exactly what go build writes to stderr for the build: '' when it succeeds. */
export function goBuildOutput(b: Build): string {
  if (b.lines.length === 0) return '';
  return (b.header ? `${BUILD_HEADING}\n` : '') + b.lines.join('\n') + '\n';
}
