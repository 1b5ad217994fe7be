// The token cursor and error bookkeeping every grammar layer shares. It is a base class of
// its own because Go's compiler filters its errors in a specific way (first syntax error per
// line, duplicates dropped, stable position order, "too many errors" after ten) and that
// policy must stay identical no matter which part of the grammar reports.
import type * as ast from './ast.ts';
import { Scanner } from './scanner.ts';
import { Tok, tokString } from './token.ts';
import { MAX_PARSE_DEPTH, nestedTooDeeply, type Nested } from './nesting.ts';

export type Pos = ast.Pos;
export type NodeOf<K extends ast.Node['kind']> = Extract<ast.Node, { kind: K }>;
export type Fields<K extends ast.Node['kind']> = Omit<NodeOf<K>, 'kind' | 'pos' | 'end' | 'id'>;

const MAX_ERRORS = 10;

/** Unwinds the parse when it cannot usefully continue (too many errors, nesting too deep). */
export class Bailout {}

// Statement keywords are safe places to resume after an error inside a function body.
const STOPSET = new Set<Tok>([
  Tok.Break, Tok.Const, Tok.Continue, Tok.Defer, Tok.Fallthrough, Tok.For, Tok.Go, Tok.Goto,
  Tok.If, Tok.Return, Tok.Select, Tok.Switch, Tok.Type, Tok.Var,
]);

interface PendingError {
  err: ast.SourceError;
  seq: number;
}

export abstract class ParserBase {
  protected readonly s: Scanner;
  protected nextId = 0;
  protected readonly errs: PendingError[] = [];
  protected lastSyntaxLine = -1;
  protected lastOther: ast.SourceError | null = null;
  protected syntaxErrors = 0;
  /**
   * Errors Go's type checker (not its parser) reports, which only show when the file has no
   * syntax errors, mixed with the checker's own.
   */
  protected readonly typeErrors: ast.SourceError[] = [];
  /** Where the `++`/`--` of each IncDecStmt is (the tree does not keep it; one message needs it). */
  protected readonly incDecOps = new WeakMap<ast.IncDecStmt, Pos>();
  protected tooMany: ast.SourceError | null = null;
  protected first: ast.SourceError | null = null;
  /** > 0 inside a function body: statement keywords then stop error recovery. */
  protected fnest = 0;
  /** Expression nesting; < 0 in if/for/switch headers, where `T{` is not a composite literal. */
  protected xnest = 0;
  protected depth = 0;
  /** Errors found by the scanner and parser proper (not the branch checks). */
  protected errcnt = 0;
  protected decls: ast.Decl[] = [];
  protected imports: ast.ImportSpec[] = [];
  protected pkgName: ast.Ident | null = null;

  constructor(src: string, protected readonly filename: string) {
    this.s = new Scanner(src, (line, col, offset, msg) => this.errorAt({ line, col, offset }, msg));
    this.s.next();
  }

  // ------------------------------------------------------------ plumbing

  protected tk(): Tok {
    return this.s.tok;
  }

  protected next(): void {
    this.s.next();
    this.curPos = null;
    this.lastEnd = null;
  }

  // Positions are shared by every node starting or ending at the same token (and never
  // mutated), which keeps a big file's parse from drowning in small allocations.
  protected curPos: Pos | null = null;
  protected lastEnd: Pos | null = null;

  protected pos(): Pos {
    if (this.curPos) return this.curPos;
    const s = this.s;
    return (this.curPos = { line: s.line, col: s.col, offset: s.offset });
  }

  /** End of the last consumed token. */
  protected endPos(): Pos {
    if (this.lastEnd) return this.lastEnd;
    const s = this.s;
    return (this.lastEnd = { line: s.prevEndLine, col: s.prevEndCol, offset: s.prevEndOffset });
  }

  /** A node ending at the last consumed token. `kind` stays the first property of every node. */
  protected mk<K extends ast.Node['kind']>(kind: K, pos: Pos, fields: Fields<K>): NodeOf<K> {
    return { kind, pos, end: this.endPos(), id: this.nextId++, ...fields } as unknown as NodeOf<K>;
  }

  protected got(t: Tok): boolean {
    if (this.tk() === t) {
      this.next();
      return true;
    }
    return false;
  }

  protected want(t: Tok): void {
    if (!this.got(t)) {
      this.syntaxError('expected ' + tokString(t));
      this.advance();
    }
  }

  protected gotAssign(): boolean {
    if (this.tk() === Tok.Define) {
      this.syntaxError('expected =');
      this.next();
      return true;
    }
    return this.got(Tok.Assign);
  }

  protected errorAt(pos: Pos, message: string, fromParser = true): void {
    const err = { pos, message };
    if (fromParser) this.errcnt++;
    if (fromParser && !this.first) this.first = err;
    if (message.startsWith('syntax error')) {
      this.syntaxErrors++;
      if (pos.line === this.lastSyntaxLine) return;
      this.lastSyntaxLine = pos.line;
    } else {
      const o = this.lastOther;
      if (o && o.pos.line === pos.line && o.message === message) return;
      this.lastOther = err;
    }
    this.errs.push({ err, seq: this.errs.length });
    if (this.errs.length >= MAX_ERRORS) {
      this.tooMany = { pos, message: 'too many errors' };
      throw new Bailout();
    }
  }

  protected error(message: string): void {
    this.errorAt(this.pos(), message);
  }

  /** Report `syntax error: unexpected <current token><msg>` the way Go's compiler does. */
  protected syntaxErrorAt(pos: Pos, msg: string): void {
    if (this.tk() === Tok.EOF && this.first) return; // follow-up noise at end of file
    if (msg.startsWith('in ') || msg.startsWith('at ') || msg.startsWith('after ')) msg = ' ' + msg;
    else if (msg.startsWith('expected ')) msg = ', ' + msg;
    else if (msg !== '') {
      this.errorAt(pos, 'syntax error: ' + msg);
      return;
    }
    this.errorAt(pos, 'syntax error: unexpected ' + this.tokDescription() + msg);
  }

  protected syntaxError(msg: string): void {
    this.syntaxErrorAt(this.pos(), msg);
  }

  protected tokDescription(): string {
    const s = this.s;
    switch (s.tok) {
      case Tok.Name: return 'name ' + s.lit;
      case Tok.Semi: return s.lit;
      case Tok.Literal: return 'literal ' + s.lit;
      case Tok.Operator: return s.op;
      case Tok.AssignOp: return s.op + '=';
      case Tok.IncOp: return s.op + s.op;
      default: return tokString(s.tok);
    }
  }

  /**
   * Skip tokens until one in `follow` (or, inside a function, a statement keyword).
   * With no follow list, skip exactly one token so the parse always makes progress.
   */
  protected advance(...follow: Tok[]): void {
    if (follow.length === 0) {
      if (this.tk() !== Tok.EOF) this.next();
      return;
    }
    while (this.tk() !== Tok.EOF && !follow.includes(this.tk()) && !(this.fnest > 0 && STOPSET.has(this.tk()))) {
      this.next();
    }
  }

  /** What each level of the grammar's recursion is parsing, outermost first. */
  private readonly nesting: Nested[] = [];

  /** One level deeper into the grammar's recursion, which nesting.ts bounds; `what` names the construct. */
  protected enter(what: Nested): void {
    this.nesting.push(what);
    if (++this.depth > MAX_PARSE_DEPTH) {
      // Named after what most levels are (an else-if chain is statements, though the level too
      // many is the expression of its condition).
      const count = new Map<Nested, number>();
      for (const n of this.nesting) count.set(n, (count.get(n) ?? 0) + 1);
      const most = [...count].sort((a, b) => b[1] - a[1])[0]![0];
      this.errorAt(this.pos(), nestedTooDeeply(most));
      throw new Bailout();
    }
  }

  protected leave(): void {
    this.depth--;
    this.nesting.pop();
  }

  /** f() one level deeper (enter, leave); for the recursive paths that use the most JS stack. */
  protected nested<T>(what: Nested, f: () => T): T {
    this.enter(what);
    try {
      return f();
    } finally {
      this.leave();
    }
  }

  reportInternal(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    this.errs.push({ err: { pos: this.pos(), message: 'internal error in gosim parser: ' + msg }, seq: this.errs.length });
  }

  finishErrors(): ast.SourceError[] {
    // Go prints its collected errors sorted by position (stable), without exact duplicates.
    const all = this.errs.slice();
    if (this.syntaxErrors === 0 && !this.tooMany) {
      for (const err of this.typeErrors) all.push({ err, seq: all.length });
    }
    const sorted = all
      .sort((a, b) => a.err.pos.line - b.err.pos.line || a.err.pos.col - b.err.pos.col || a.seq - b.seq)
      .map((e) => e.err);
    const out: ast.SourceError[] = [];
    for (const e of sorted) {
      const prev = out[out.length - 1];
      if (prev && prev.pos.line === e.pos.line && prev.pos.col === e.pos.col && prev.message === e.message) continue;
      out.push(e);
    }
    if (this.tooMany) out.push(this.tooMany);
    return out;
  }

  partialFile(filename: string): ast.File {
    const zero = { line: 1, col: 1, offset: 0 };
    const name = this.pkgName ?? { kind: 'Ident' as const, name: '_', pos: zero, end: zero, id: this.nextId++ };
    return { kind: 'File', pos: zero, end: this.endPos(), id: this.nextId++, filename, packageName: name, imports: this.imports, decls: this.decls };
  }
}

export function unparen(x: ast.Expr): ast.Expr {
  while (x.kind === 'ParenExpr') x = x.x;
  return x;
}
