// Parses one Go source file into gosim's syntax tree (ast.ts). The grammar walk and the
// error recovery follow Go's own compiler front end (cmd/compile/internal/syntax), because
// learners must see the very syntax errors `go build` prints: same words, same line:col,
// first error per line only, and "too many errors" after ten.
import type * as ast from './ast.ts';
import { Scanner } from './scanner.ts';
import { Tok, tokString, tokText } from './token.ts';
import { exprString, stmtString } from './astwalk.ts';

type Pos = ast.Pos;
type NodeOf<K extends ast.Node['kind']> = Extract<ast.Node, { kind: K }>;
type Fields<K extends ast.Node['kind']> = Omit<NodeOf<K>, 'kind' | 'pos' | 'end' | 'id'>;

/** Nesting deeper than this is reported instead of risking the JS stack. */
const MAX_DEPTH = 400;
const MAX_ERRORS = 10;

/** Unwinds the parse when it cannot usefully continue (too many errors, nesting too deep). */
class Bailout {}

// Statement keywords are safe places to resume after an error inside a function body.
const STOPSET = new Set<Tok>([
  Tok.Break, Tok.Const, Tok.Continue, Tok.Defer, Tok.Fallthrough, Tok.For, Tok.Go, Tok.Goto,
  Tok.If, Tok.Return, Tok.Select, Tok.Switch, Tok.Type, Tok.Var,
]);

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

interface PendingError {
  err: ast.SourceError;
  seq: number;
}

class Parser {
  private readonly s: Scanner;
  private nextId = 0;
  private readonly errs: PendingError[] = [];
  private lastSyntaxLine = -1;
  private lastOther: ast.SourceError | null = null;
  private syntaxErrors = 0;
  /**
   * Errors Go's type checker (not its parser) reports, which only show when the file has no
   * syntax errors, mixed with the checker's own.
   */
  private readonly typeErrors: ast.SourceError[] = [];
  /** Where the `++`/`--` of each IncDecStmt is (the tree does not keep it; one message needs it). */
  private readonly incDecOps = new WeakMap<ast.IncDecStmt, Pos>();
  private tooMany: ast.SourceError | null = null;
  private first: ast.SourceError | null = null;
  /** > 0 inside a function body: statement keywords then stop error recovery. */
  private fnest = 0;
  /** Expression nesting; < 0 in if/for/switch headers, where `T{` is not a composite literal. */
  private xnest = 0;
  private depth = 0;
  /** Errors found by the scanner and parser proper (not the branch checks). */
  private errcnt = 0;
  private decls: ast.Decl[] = [];
  private imports: ast.ImportSpec[] = [];
  private pkgName: ast.Ident | null = null;

  constructor(src: string, private readonly filename: string) {
    this.s = new Scanner(src, (line, col, offset, msg) => this.errorAt({ line, col, offset }, msg));
    this.s.next();
  }

  // ------------------------------------------------------------ plumbing

  private tk(): Tok {
    return this.s.tok;
  }

  private next(): void {
    this.s.next();
    this.curPos = null;
    this.lastEnd = null;
  }

  // Positions are shared by every node starting or ending at the same token (and never
  // mutated), which keeps a big file's parse from drowning in small allocations.
  private curPos: Pos | null = null;
  private lastEnd: Pos | null = null;

  private pos(): Pos {
    if (this.curPos) return this.curPos;
    const s = this.s;
    return (this.curPos = { line: s.line, col: s.col, offset: s.offset });
  }

  /** End of the last consumed token. */
  private endPos(): Pos {
    if (this.lastEnd) return this.lastEnd;
    const s = this.s;
    return (this.lastEnd = { line: s.prevEndLine, col: s.prevEndCol, offset: s.prevEndOffset });
  }

  /** A node ending at the last consumed token. `kind` stays the first property of every node. */
  private mk<K extends ast.Node['kind']>(kind: K, pos: Pos, fields: Fields<K>): NodeOf<K> {
    return { kind, pos, end: this.endPos(), id: this.nextId++, ...fields } as unknown as NodeOf<K>;
  }

  private got(t: Tok): boolean {
    if (this.tk() === t) {
      this.next();
      return true;
    }
    return false;
  }

  private want(t: Tok): void {
    if (!this.got(t)) {
      this.syntaxError('expected ' + tokString(t));
      this.advance();
    }
  }

  private gotAssign(): boolean {
    if (this.tk() === Tok.Define) {
      this.syntaxError('expected =');
      this.next();
      return true;
    }
    return this.got(Tok.Assign);
  }

  private errorAt(pos: Pos, message: string, fromParser = true): void {
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

  private error(message: string): void {
    this.errorAt(this.pos(), message);
  }

  /** Report `syntax error: unexpected <current token><msg>` the way Go's compiler does. */
  private syntaxErrorAt(pos: Pos, msg: string): void {
    if (this.tk() === Tok.EOF && this.first) return; // follow-up noise at end of file
    if (msg.startsWith('in ') || msg.startsWith('at ') || msg.startsWith('after ')) msg = ' ' + msg;
    else if (msg.startsWith('expected ')) msg = ', ' + msg;
    else if (msg !== '') {
      this.errorAt(pos, 'syntax error: ' + msg);
      return;
    }
    this.errorAt(pos, 'syntax error: unexpected ' + this.tokDescription() + msg);
  }

  private syntaxError(msg: string): void {
    this.syntaxErrorAt(this.pos(), msg);
  }

  private tokDescription(): string {
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
  private advance(...follow: Tok[]): void {
    if (follow.length === 0) {
      if (this.tk() !== Tok.EOF) this.next();
      return;
    }
    while (this.tk() !== Tok.EOF && !follow.includes(this.tk()) && !(this.fnest > 0 && STOPSET.has(this.tk()))) {
      this.next();
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.errorAt(this.pos(), 'syntax error: nesting too deep');
      throw new Bailout();
    }
  }

  private leave(): void {
    this.depth--;
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

  // ------------------------------------------------------------ file and declarations

  file(filename: string): ast.File {
    const pos = this.pos();
    if (!this.got(Tok.Package)) {
      // never shown: the go command's own check of the package clause reports this first
      this.syntaxError('package statement must be first');
      throw new Bailout();
    }
    this.pkgName = this.name();
    this.want(Tok.Semi);
    if (this.first) throw new Bailout();

    let prev = Tok.Import;
    while (this.tk() !== Tok.EOF) {
      if (this.tk() === Tok.Import && prev !== Tok.Import) {
        this.syntaxError('imports must appear before other declarations');
      }
      prev = this.tk();
      switch (this.tk()) {
        case Tok.Import:
        case Tok.Const:
        case Tok.Type:
        case Tok.Var: {
          const d = this.genDecl();
          this.decls.push(d);
          if (d.tok === 'import') for (const s of d.specs) this.imports.push(s as ast.ImportSpec);
          break;
        }
        case Tok.Func: {
          this.decls.push(this.funcDecl());
          break;
        }
        default: {
          const last = this.decls[this.decls.length - 1];
          if (this.tk() === Tok.Lbrace && last?.kind === 'FuncDecl' && last.body === null) {
            this.syntaxError('unexpected semicolon or newline before {');
          } else {
            this.syntaxError('non-declaration statement outside function body');
          }
          this.advance(Tok.Import, Tok.Const, Tok.Type, Tok.Var, Tok.Func);
          continue;
        }
      }
      if (this.tk() !== Tok.EOF && !this.got(Tok.Semi)) {
        this.syntaxError('after top level declaration');
        this.advance(Tok.Import, Tok.Const, Tok.Type, Tok.Var, Tok.Func);
      }
    }
    return this.mk('File', pos, { filename, packageName: this.pkgName, imports: this.imports, decls: this.decls });
  }

  /**
   * `list = [ f { sep f } [sep] ] close`; f returns true to stop accepting elements.
   * Returns the position of the closing token.
   */
  private list(context: string, sep: Tok, close: Tok, f: () => boolean): Pos {
    let done = false;
    while (this.tk() !== Tok.EOF && this.tk() !== close && !done) {
      done = f();
      if (!this.got(sep) && this.tk() !== close) {
        this.syntaxError(`in ${context}; possibly missing ${tokString(sep)} or ${tokString(close)}`);
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        if (this.tk() !== close) return this.pos();
      }
    }
    const pos = this.pos();
    this.want(close);
    return pos;
  }

  private genDecl(): ast.GenDecl {
    const pos = this.pos();
    const t = this.tk();
    const tok = t === Tok.Import ? 'import' : t === Tok.Const ? 'const' : t === Tok.Type ? 'type' : 'var';
    this.next();
    const specs: ast.Spec[] = [];
    let iota = 0;
    const one = (): void => {
      let spec: ast.Spec | null;
      if (tok === 'import') spec = this.importSpec();
      else if (tok === 'const') spec = this.valueSpec(true, iota);
      else if (tok === 'var') spec = this.valueSpec(false, 0);
      else spec = this.typeSpec();
      iota++;
      if (spec) specs.push(spec);
    };
    if (this.tk() === Tok.Lparen) {
      this.next();
      this.list('grouped declaration', Tok.Semi, Tok.Rparen, () => {
        one();
        return false;
      });
    } else one();
    return this.mk('GenDecl', pos, { tok, specs });
  }

  private importSpec(): ast.ImportSpec | null {
    const pos = this.pos();
    let name: ast.Ident | null = null;
    if (this.tk() === Tok.Name) name = this.name();
    else if (this.tk() === Tok.Dot) {
      const p = this.pos();
      this.next();
      name = this.mk('Ident', p, { name: '.' });
    }
    const path = this.literalOrNull();
    if (!path) {
      this.syntaxError('missing import path');
      this.advance(Tok.Semi, Tok.Rparen);
      return null;
    }
    if (path.litKind !== 'STRING') this.syntaxErrorAt(path.pos, 'import path must be a string');
    return this.mk('ImportSpec', pos, { name, path });
  }

  private valueSpec(isConst: boolean, iota: number): ast.ValueSpec {
    const pos = this.pos();
    const names = this.nameList(this.name());
    let type: ast.Expr | null = null;
    let values: ast.Expr[] = [];
    if (isConst) {
      if (this.tk() !== Tok.EOF && this.tk() !== Tok.Semi && this.tk() !== Tok.Rparen) {
        type = this.typeOrNull();
        if (this.gotAssign()) values = this.exprList();
      }
    } else if (this.gotAssign()) {
      values = this.exprList();
    } else {
      type = this.type();
      if (this.gotAssign()) values = this.exprList();
    }
    return this.mk('ValueSpec', pos, { names, type, values, iota });
  }

  private typeSpec(): ast.TypeSpec {
    const pos = this.pos();
    const name = this.name();
    let assign = false;
    let type: ast.Expr | null;
    let typeParams: ast.FieldList | null = null;
    if (this.tk() === Tok.Lbrack) {
      // `type A [N]T`, `type A []T` or a generic `type A[P any] T`
      const lpos = this.pos();
      this.next();
      if (this.got(Tok.Rbrack)) {
        type = this.mk('ArrayType', lpos, { len: null, elt: this.type() });
      } else if (this.tk() === Tok.Name) {
        // `[N]T` or a type parameter list `[P any]`: Go decides from the first element
        let x: ast.Expr = this.name();
        if (this.tk() !== Tok.Lbrack) {
          this.xnest++;
          x = this.binaryExpr(this.pexpr(x, false), 0);
          this.xnest--;
        }
        const [pname, ptype] = extractName(x, this.tk() === Tok.Comma);
        if (pname && (ptype || this.tk() !== Tok.Rbrack)) {
          const list = this.paramList(pname, ptype, Tok.Rbrack, true, false);
          typeParams = this.mk('FieldList', lpos, { list });
          assign = this.gotAssign();
          type = this.typeOrNull();
        } else {
          type = this.arrayType(lpos, x);
        }
      } else {
        type = this.arrayType(lpos, null);
      }
    } else {
      assign = this.gotAssign();
      type = this.typeOrNull();
    }
    if (!type) {
      type = this.mk('BadExpr', this.pos(), {});
      this.syntaxError('in type declaration');
      this.advance(Tok.Semi, Tok.Rparen);
    }
    return this.mk('TypeSpec', pos, { name, typeParams, assign, type });
  }

  private funcDecl(): ast.FuncDecl {
    const pos = this.pos();
    this.next(); // func
    let recv: ast.FieldList | null = null;
    let context = '';
    if (this.tk() === Tok.Lparen) {
      context = 'method';
      const rpos = this.pos();
      this.next();
      const list = this.paramList(null, null, Tok.Rparen, false, false);
      // count parameters, not fields: `(a, b T)` is one field but two receivers
      const n = list.reduce((k, f) => k + Math.max(1, f.names.length), 0);
      if (n === 0) this.error('method has no receiver');
      else if (n > 1) this.error('method has multiple receivers');
      recv = this.mk('FieldList', rpos, { list: list.slice(0, 1) });
    }
    let name: ast.Ident;
    let type: ast.FuncType;
    if (this.tk() === Tok.Name) {
      name = this.name();
      type = this.funcType(context, true, pos);
    } else {
      const p = this.pos();
      name = this.mk('Ident', p, { name: '_' });
      type = this.mk('FuncType', p, {
        typeParams: null,
        params: this.mk('FieldList', p, { list: [] }),
        results: null,
      });
      this.syntaxError(context !== '' ? 'expected name' : 'expected name or (');
      this.advance(Tok.Lbrace, Tok.Semi);
    }
    let body: ast.BlockStmt | null = null;
    if (this.tk() === Tok.Lbrace) body = this.funcBody();
    return this.mk('FuncDecl', pos, { recv, name, type, body });
  }

  private funcBody(): ast.BlockStmt {
    this.fnest++;
    const outer = this.xnest;
    this.xnest = 0;
    const errcnt = this.errcnt;
    const body = this.blockStmt('');
    this.xnest = outer;
    this.fnest--;
    // Go's parser checks labels and branches per function body, and only for bodies that
    // parsed cleanly.
    if (this.errcnt === errcnt) {
      checkBranches(body, this.filename, (pos, msg) => this.errorAt(pos, msg, false));
    }
    return body;
  }

  // ------------------------------------------------------------ types

  /** `start` is where the node begins: the `func` keyword when there is one (as in go/ast). */
  private funcType(context: string, allowTypeParams: boolean, start: Pos | null = null): ast.FuncType {
    const pos = this.pos();
    let typeParams: ast.FieldList | null = null;
    if (this.tk() === Tok.Lbrack) {
      const lpos = this.pos();
      this.next();
      if (context !== '' || !allowTypeParams) {
        this.syntaxErrorAt(pos, (context || 'function type') + ' must have no type parameters');
      }
      if (this.tk() === Tok.Rbrack) {
        this.syntaxError('empty type parameter list');
        this.next();
      } else {
        const list = this.paramList(null, null, Tok.Rbrack, true, false);
        typeParams = this.mk('FieldList', lpos, { list });
      }
    }
    const ppos = this.pos();
    this.want(Tok.Lparen);
    const list = this.paramList(null, null, Tok.Rparen, false, true);
    const params = this.mk('FieldList', ppos, { list });
    const results = this.funcResult();
    return this.mk('FuncType', start ?? pos, { typeParams, params, results });
  }

  private funcResult(): ast.FieldList | null {
    const pos = this.pos();
    if (this.got(Tok.Lparen)) {
      const list = this.paramList(null, null, Tok.Rparen, false, false);
      return this.mk('FieldList', pos, { list });
    }
    const t = this.typeOrNull();
    if (!t) return null;
    const f = this.mk('Field', pos, { names: [], type: t, tag: null });
    return this.mk('FieldList', pos, { list: [f] });
  }

  private type(): ast.Expr {
    const t = this.typeOrNull();
    if (t) return t;
    const bad = this.mk('BadExpr', this.pos(), {});
    this.syntaxError('expected type');
    this.advance(Tok.Comma, Tok.Colon, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return bad;
  }

  private typeOrNull(): ast.Expr | null {
    this.enter();
    try {
      return this.typeOrNullInner();
    } finally {
      this.leave();
    }
  }

  private typeOrNullInner(): ast.Expr | null {
    const pos = this.pos();
    switch (this.tk()) {
      case Tok.Star: {
        this.next();
        const x = this.type();
        return this.mk('StarExpr', pos, { x });
      }
      case Tok.Arrow: {
        this.next();
        this.want(Tok.Chan);
        const value = this.chanElem();
        return this.mk('ChanType', pos, { dir: 'recv', value });
      }
      case Tok.Func:
        this.next();
        return this.funcType('function type', false, pos);
      case Tok.Lbrack: {
        this.next();
        if (this.got(Tok.Rbrack)) {
          const elt = this.type();
          return this.mk('ArrayType', pos, { len: null, elt });
        }
        return this.arrayType(pos, null);
      }
      case Tok.Chan: {
        this.next();
        let dir: ast.ChanDir = 'both';
        if (this.got(Tok.Arrow)) dir = 'send';
        const value = this.chanElem();
        return this.mk('ChanType', pos, { dir, value });
      }
      case Tok.Map: {
        this.next();
        this.want(Tok.Lbrack);
        const key = this.type();
        this.want(Tok.Rbrack);
        const value = this.type();
        return this.mk('MapType', pos, { key, value });
      }
      case Tok.Struct:
        return this.structType();
      case Tok.Interface:
        return this.interfaceType();
      case Tok.Name:
        return this.qualifiedName(null);
      case Tok.Lparen: {
        this.next();
        const t = this.type();
        this.want(Tok.Rparen);
        return t;
      }
      default:
        return null;
    }
  }

  private arrayType(pos: Pos, len: ast.Expr | null): ast.Expr {
    if (!len) {
      if (this.tk() === Tok.DotDotDot) {
        const dpos = this.pos();
        this.next();
        len = this.mk('Ellipsis', dpos, { elt: null });
      } else {
        this.xnest++;
        len = this.expr();
        this.xnest--;
      }
    }
    if (this.tk() === Tok.Comma) {
      this.syntaxError('unexpected comma; expected ]');
      this.next();
    }
    this.want(Tok.Rbrack);
    const elt = this.type();
    return this.mk('ArrayType', pos, { len, elt });
  }

  private chanElem(): ast.Expr {
    const t = this.typeOrNull();
    if (t) return t;
    const bad = this.mk('BadExpr', this.pos(), {});
    this.syntaxError('missing channel element type');
    return bad;
  }

  private qualifiedName(name: ast.Ident | null): ast.Expr {
    let x: ast.Expr;
    if (name) x = name;
    else if (this.tk() === Tok.Name) x = this.name();
    else {
      x = this.mk('Ident', this.pos(), { name: '_' });
      this.syntaxError('expected name');
      this.advance(Tok.Dot, Tok.Semi, Tok.Rbrace);
    }
    if (this.tk() === Tok.Dot) {
      this.next();
      const sel = this.name();
      x = this.mk('SelectorExpr', x.pos, { x, sel });
    }
    if (this.tk() === Tok.Lbrack) x = this.typeInstance(x);
    return x;
  }

  private typeInstance(x: ast.Expr): ast.Expr {
    this.want(Tok.Lbrack);
    let list: ast.Expr[];
    if (this.tk() === Tok.Rbrack) {
      this.syntaxError('expected type argument list');
      list = [this.mk('BadExpr', this.pos(), {})];
    } else {
      list = this.typeList(true).list;
    }
    this.want(Tok.Rbrack);
    return this.indexOf(x, list);
  }

  private indexOf(x: ast.Expr, list: ast.Expr[]): ast.Expr {
    if (list.length === 1) return this.mk('IndexExpr', x.pos, { x, index: list[0]! });
    return this.mk('IndexListExpr', x.pos, { x, indices: list });
  }

  private structType(): ast.StructType {
    const pos = this.pos();
    this.want(Tok.Struct);
    const lpos = this.pos();
    this.want(Tok.Lbrace);
    const list: ast.Field[] = [];
    this.list('struct type', Tok.Semi, Tok.Rbrace, () => {
      this.fieldDecl(list);
      return false;
    });
    const fields = this.mk('FieldList', lpos, { list });
    return this.mk('StructType', pos, { fields });
  }

  private fieldDecl(out: ast.Field[]): void {
    const pos = this.pos();
    switch (this.tk()) {
      case Tok.Name: {
        const name = this.name();
        if (this.tk() === Tok.Dot || this.tk() === Tok.Literal || this.tk() === Tok.Semi || this.tk() === Tok.Rbrace) {
          const type = this.qualifiedName(name);
          const tag = this.literalOrNull();
          out.push(this.mk('Field', pos, { names: [], type, tag }));
          return;
        }
        const names = this.nameList(name);
        let type: ast.Expr;
        if (names.length === 1 && this.tk() === Tok.Lbrack) {
          const t = this.arrayOrTypeArgs();
          if (t.kind === 'IndexExpr' || t.kind === 'IndexListExpr') {
            // an embedded generic type `T[int]`: the "name" was the type
            const inst = this.indexOf(name, t.kind === 'IndexExpr' ? [t.index] : t.indices);
            const tag = this.literalOrNull();
            out.push(this.mk('Field', pos, { names: [], type: inst, tag }));
            return;
          }
          type = t;
        } else type = this.type();
        const tag = this.literalOrNull();
        out.push(this.mk('Field', pos, { names, type, tag }));
        return;
      }
      case Tok.Star: {
        this.next();
        let t: ast.Expr;
        if (this.tk() === Tok.Lparen) {
          this.syntaxError('cannot parenthesize embedded type');
          this.next();
          t = this.qualifiedName(null);
          this.got(Tok.Rparen);
        } else t = this.qualifiedName(null);
        const type = this.mk('StarExpr', pos, { x: t });
        const tag = this.literalOrNull();
        out.push(this.mk('Field', pos, { names: [], type, tag }));
        return;
      }
      case Tok.Lparen: {
        this.syntaxError('cannot parenthesize embedded type');
        this.next();
        let type: ast.Expr;
        if (this.tk() === Tok.Star) {
          const spos = this.pos();
          this.next();
          const x = this.qualifiedName(null);
          type = this.mk('StarExpr', spos, { x });
        } else type = this.qualifiedName(null);
        this.got(Tok.Rparen);
        const tag = this.literalOrNull();
        out.push(this.mk('Field', pos, { names: [], type, tag }));
        return;
      }
      default:
        this.syntaxError('expected field name or embedded type');
        this.advance(Tok.Semi, Tok.Rbrace);
    }
  }

  /** After a name in a field or parameter: `[N]T`, `[]T`, or type arguments `[A, B]`. */
  private arrayOrTypeArgs(): ast.Expr {
    const pos = this.pos();
    this.want(Tok.Lbrack);
    if (this.got(Tok.Rbrack)) {
      const elt = this.type();
      return this.mk('ArrayType', pos, { len: null, elt });
    }
    const { list, comma } = this.typeList(false);
    this.want(Tok.Rbrack);
    if (!comma) {
      const elt = this.typeOrNull();
      if (elt) return this.mk('ArrayType', pos, { len: list[0]!, elt });
    }
    // the caller replaces x with the name it already parsed
    const placeholder = this.mk('BadExpr', pos, {});
    return this.indexOf(placeholder, list);
  }

  private interfaceType(): ast.InterfaceType {
    const pos = this.pos();
    this.want(Tok.Interface);
    const lpos = this.pos();
    this.want(Tok.Lbrace);
    const list: ast.Field[] = [];
    this.list('interface type', Tok.Semi, Tok.Rbrace, () => {
      const fpos = this.pos();
      if (this.tk() === Tok.Name) {
        const name = this.name();
        if (this.tk() === Tok.Lparen) {
          const type = this.funcType('interface method', false);
          list.push(this.mk('Field', fpos, { names: [name], type, tag: null }));
          return false;
        }
        const t = this.qualifiedName(name);
        list.push(this.embeddedElem(fpos, t));
        return false;
      }
      list.push(this.embeddedElem(fpos, null));
      return false;
    });
    const methods = this.mk('FieldList', lpos, { list });
    return this.mk('InterfaceType', pos, { methods });
  }

  /** A type-set element `~int | ~string | T`, possibly starting from an already parsed term. */
  private embeddedElem(pos: Pos, first: ast.Expr | null): ast.Field {
    let t = first ?? this.embeddedTerm();
    while (this.tk() === Tok.Operator && this.s.op === '|') {
      const opPos = this.pos();
      this.next();
      const y = this.embeddedTerm();
      t = this.mk('BinaryExpr', t.pos, { op: '|', x: t, y, opPos });
    }
    return this.mk('Field', pos, { names: [], type: t, tag: null });
  }

  private embeddedTerm(): ast.Expr {
    if (this.tk() === Tok.Operator && this.s.op === '~') {
      const pos = this.pos();
      this.next();
      const x = this.type();
      return this.mk('UnaryExpr', pos, { op: '~', x });
    }
    const t = this.typeOrNull();
    if (t) return t;
    const bad = this.mk('BadExpr', this.pos(), {});
    this.syntaxError('expected ~ term or type');
    this.advance(Tok.Operator, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return bad;
  }

  /** One parameter: `name T`, `T`, `name ...T`, or (in type parameter lists) `name ~T | U`. */
  private paramDecl(close: Tok, given: ast.Ident | null): { name: ast.Ident | null; type: ast.Expr | null; pos: Pos; dots: Pos | null } | null {
    const typeSetsOk = close === Tok.Rbrack;
    const pos = given ? given.pos : this.pos();
    if (!given && typeSetsOk && this.tk() === Tok.Operator && this.s.op === '~') {
      return { name: null, type: this.embeddedElem(pos, null).type, pos, dots: null };
    }
    let name: ast.Ident | null = given;
    let type: ast.Expr | null = null;
    if (this.tk() === Tok.Name || name) {
      name ??= this.name();
      if (this.tk() === Tok.Lbrack) {
        const t = this.arrayOrTypeArgs();
        if (t.kind === 'IndexExpr' || t.kind === 'IndexListExpr') {
          type = this.indexOf(name, t.kind === 'IndexExpr' ? [t.index] : t.indices);
          name = null;
        } else type = t;
        if (typeSetsOk && this.tk() === Tok.Operator && this.s.op === '|') type = this.embeddedElem(pos, type).type;
        return { name, type, pos, dots: null };
      }
      if (this.tk() === Tok.Dot) {
        type = this.qualifiedName(name);
        if (typeSetsOk && this.tk() === Tok.Operator && this.s.op === '|') type = this.embeddedElem(pos, type).type;
        return { name: null, type, pos, dots: null };
      }
      if (typeSetsOk && this.tk() === Tok.Operator && this.s.op === '|') {
        return { name: null, type: this.embeddedElem(pos, name).type, pos, dots: null };
      }
    }
    if (this.tk() === Tok.DotDotDot) {
      const dpos = this.pos();
      this.next();
      const elt = this.typeOrNull();
      if (!elt) {
        this.syntaxError('... is missing type');
        return { name, type: this.mk('BadExpr', dpos, {}), pos, dots: null };
      }
      return { name, type: this.mk('Ellipsis', dpos, { elt }), pos, dots: dpos };
    }
    if (typeSetsOk && this.tk() === Tok.Operator && this.s.op === '~') {
      return { name, type: this.embeddedElem(this.pos(), null).type, pos, dots: null };
    }
    type = this.typeOrNull();
    if (type && typeSetsOk && this.tk() === Tok.Operator && this.s.op === '|') type = this.embeddedElem(pos, type).type;
    if (name || type) return { name, type, pos, dots: null };
    this.syntaxError('expected ' + tokString(close));
    this.advance(Tok.Comma, close);
    return null;
  }

  /**
   * Parameters up to `close`. `name` (and `typ`) are an already parsed first parameter, as in
   * `type T[P any]` where the parser only learns late that it reads type parameters.
   */
  private paramList(
    name: ast.Ident | null,
    typ: ast.Expr | null,
    close: Tok,
    requireNames: boolean,
    dddOk: boolean,
  ): ast.Field[] {
    type Par = { name: ast.Ident | null; type: ast.Expr | null; pos: Pos; dots: Pos | null };
    if (name && typ && this.tk() === close) {
      this.next();
      return [{ kind: 'Field', pos: name.pos, end: typ.end, id: this.nextId++, names: [name], type: typ, tag: null }];
    }
    const pars: Par[] = [];
    let named = 0;
    let typed = 0;
    const closePos = this.list('parameter list', Tok.Comma, close, () => {
      let par: Par | null;
      if (typ && name) par = { name, type: typ, pos: name.pos, dots: null };
      else par = this.paramDecl(close, name);
      name = null;
      typ = null;
      if (par) {
        if (par.name && par.type) named++;
        if (par.type) typed++;
        pars.push(par);
      }
      return false;
    });
    if (pars.length === 0) return [];

    if (named === 0 && !requireNames) {
      // all types: `func(int, string)`; a lone name is a type name
      for (const par of pars) {
        if (par.name) {
          par.type = par.name;
          par.name = null;
        }
      }
    } else if (named !== pars.length) {
      // `a, b int, c string`: names without types take the type to their right
      let errPos: Pos | null = null;
      let typ: ast.Expr | null = null;
      for (let i = pars.length - 1; i >= 0; i--) {
        const par = pars[i]!;
        if (par.type) {
          typ = par.type;
          if (!par.name) {
            errPos = typ.kind === 'FuncType' ? typ.params.pos : typ.pos; // where the compiler starts a func type
            par.name = this.mk('Ident', errPos, { name: '_' });
          }
        } else if (typ) {
          par.type = typ;
        } else {
          errPos = par.name!.pos;
          par.type = this.mk('BadExpr', errPos, {});
        }
      }
      if (errPos) {
        let msg: string;
        if (named === typed) {
          errPos = closePos;
          msg = requireNames ? 'missing type constraint' : 'missing parameter type';
        } else {
          msg = requireNames ? 'missing type parameter name' : 'missing parameter name';
          if (requireNames && pars.length === 1) msg += ' or invalid array length';
        }
        this.syntaxErrorAt(errPos, msg);
      }
    }

    let firstDots = true;
    pars.forEach((par, i) => {
      // a name without type takes `...T` from its right too, and is then misplaced
      const t = par.type;
      if (t?.kind === 'Ellipsis' && (!dddOk || i + 1 < pars.length) && firstDots) {
        firstDots = false;
        this.errorAt(t.pos, dddOk ? 'can only use ... with final parameter' : 'invalid use of ...');
      }
    });

    // Group consecutive names sharing one type node into one Field, like go/ast does.
    const fields: ast.Field[] = [];
    for (const par of pars) {
      const last = fields[fields.length - 1];
      if (par.name && last && last.type === par.type && last.names.length > 0) {
        last.names.push(par.name);
        last.end = par.type!.end;
        continue;
      }
      const type = par.type!;
      const f: ast.Field = {
        kind: 'Field', pos: par.name ? par.name.pos : type.pos, end: type.end, id: this.nextId++,
        names: par.name ? [par.name] : [], type, tag: null,
      };
      fields.push(f);
    }
    return fields;
  }

  // ------------------------------------------------------------ expressions

  private name(): ast.Ident {
    const pos = this.pos();
    if (this.tk() === Tok.Name) {
      const name = this.s.lit;
      this.next();
      return this.mk('Ident', pos, { name });
    }
    const n = this.mk('Ident', pos, { name: '_' });
    this.syntaxError('expected name');
    this.advance();
    return n;
  }

  private nameList(first: ast.Ident): ast.Ident[] {
    const l = [first];
    while (this.got(Tok.Comma)) l.push(this.name());
    return l;
  }

  private literalOrNull(): ast.BasicLit | null {
    if (this.tk() !== Tok.Literal) return null;
    const pos = this.pos();
    const raw = this.s.lit;
    const litKind = this.s.kind;
    this.next();
    return this.mk('BasicLit', pos, { litKind, raw });
  }

  expr(): ast.Expr {
    return this.binaryExpr(null, 0);
  }

  private exprList(): ast.Expr[] {
    const l = [this.expr()];
    while (this.got(Tok.Comma)) l.push(this.expr());
    return l;
  }

  /**
   * Index or type-argument list: the first element an expression (or a type if strict), the
   * rest types, as in Go's parser (so `a[i, 'x']` fails at the literal, like go build).
   */
  private typeList(strict: boolean): { list: ast.Expr[]; comma: boolean } {
    this.xnest++;
    const list: ast.Expr[] = [strict ? this.type() : this.expr()];
    let comma = false;
    if (this.got(Tok.Comma)) {
      comma = true;
      let t = this.typeOrNull();
      if (t) {
        list.push(t);
        while (this.got(Tok.Comma)) {
          t = this.typeOrNull();
          if (!t) break;
          list.push(t);
        }
      }
    }
    this.xnest--;
    return { list, comma };
  }

  private binaryExpr(x: ast.Expr | null, prec: number): ast.Expr {
    this.enter();
    try {
      let left = x ?? this.unaryExpr();
      while ((this.tk() === Tok.Operator || this.tk() === Tok.Star) && this.s.prec > prec) {
        const opPos = this.pos();
        const op = this.s.op as ast.BinaryOp;
        const tprec = this.s.prec;
        this.next();
        const y = this.binaryExpr(null, tprec);
        left = this.mk('BinaryExpr', left.pos, { op, x: left, y, opPos });
      }
      return left;
    } finally {
      this.leave();
    }
  }

  private unaryExpr(): ast.Expr {
    this.enter();
    try {
      return this.unaryExprInner();
    } finally {
      this.leave();
    }
  }

  private unaryExprInner(): ast.Expr {
    const pos = this.pos();
    if (this.tk() === Tok.Operator || this.tk() === Tok.Star) {
      const op = this.s.op;
      switch (op) {
        case '*': {
          this.next();
          const x = this.unaryExpr();
          return this.mk('StarExpr', pos, { x });
        }
        case '+': case '-': case '!': case '^': case '~': case '&': {
          this.next();
          let x = this.unaryExpr();
          // like Go's parser: &(T{}) is &T{}, so the checker sees an addressable literal
          if (op === '&') x = unparen(x);
          return this.mk('UnaryExpr', pos, { op: op as ast.UnaryOp, x });
        }
      }
    } else if (this.tk() === Tok.Arrow) {
      this.next();
      const x = this.unaryExpr();
      if (x.kind === 'ChanType') {
        // `<-chan T` parsed as `<-` applied to `chan T`: turn it into a receive-only channel type
        let dir: ast.ChanDir = 'send';
        let t: ast.Expr = x;
        while (dir === 'send') {
          if (t.kind !== 'ChanType') break;
          dir = t.dir;
          if (dir === 'recv') this.syntaxError('unexpected <-, expected chan');
          (t as { dir: ast.ChanDir }).dir = 'recv';
          t = t.value;
        }
        if (dir === 'send') this.syntaxError(`unexpected ${exprString(t)}, expected chan`);
        const ct = x as { pos: Pos };
        ct.pos = pos;
        return x;
      }
      return this.mk('UnaryExpr', pos, { op: '<-', x });
    }
    return this.pexpr(null, true);
  }

  private operand(keepParens: boolean): ast.Expr {
    const pos = this.pos();
    switch (this.tk()) {
      case Tok.Name:
        return this.name();
      case Tok.Literal:
        return this.literalOrNull()!;
      case Tok.Lparen: {
        this.next();
        this.xnest++;
        const x = this.expr();
        this.xnest--;
        this.want(Tok.Rparen);
        if (keepParens || this.tk() === Tok.Lbrace) return this.mk('ParenExpr', pos, { x });
        return x;
      }
      case Tok.Func: {
        this.next();
        const type = this.funcType('function type', false, pos);
        if (this.tk() === Tok.Lbrace) {
          this.xnest++;
          const body = this.funcBody();
          this.xnest--;
          return this.mk('FuncLit', pos, { type, body });
        }
        return type;
      }
      case Tok.Lbrack: case Tok.Chan: case Tok.Map: case Tok.Struct: case Tok.Interface:
        return this.type();
      default: {
        const bad = this.mk('BadExpr', pos, {});
        this.syntaxError('expected expression');
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        return bad;
      }
    }
  }

  private pexpr(start: ast.Expr | null, keepParens: boolean): ast.Expr {
    let x = start ?? this.operand(keepParens);
    for (;;) {
      switch (this.tk()) {
        case Tok.Dot: {
          this.next();
          if (this.tk() === Tok.Name) {
            const sel = this.name();
            x = this.mk('SelectorExpr', x.pos, { x, sel });
          } else if (this.tk() === Tok.Lparen) {
            this.next();
            let type: ast.Expr | null = null;
            if (!this.got(Tok.Type)) type = this.type();
            this.want(Tok.Rparen);
            x = this.mk('TypeAssertExpr', x.pos, { x, type });
          } else {
            this.syntaxError('expected name or (');
            this.advance(Tok.Semi, Tok.Rparen);
          }
          break;
        }
        case Tok.Lbrack: {
          this.next();
          let i: ast.Expr | null = null;
          if (this.tk() !== Tok.Colon) {
            let comma = false;
            if (this.tk() === Tok.Rbrack) {
              this.syntaxError('expected operand');
              i = this.mk('BadExpr', this.pos(), {});
              this.next();
              x = this.mk('IndexExpr', x.pos, { x, index: i });
              break;
            }
            const tl = this.typeList(false);
            comma = tl.comma;
            if (comma || this.tk() === Tok.Rbrack) {
              this.want(Tok.Rbrack);
              x = tl.list.length === 1 && !comma ? this.mk('IndexExpr', x.pos, { x, index: tl.list[0]! }) : this.mk('IndexListExpr', x.pos, { x, indices: tl.list });
              break;
            }
            i = tl.list[0]!;
          }
          if (!this.got(Tok.Colon)) {
            this.syntaxError('expected comma, : or ]');
            this.advance(Tok.Comma, Tok.Colon, Tok.Rbrack);
          }
          this.xnest++;
          let high: ast.Expr | null = null;
          let max: ast.Expr | null = null;
          let slice3 = false;
          if (this.tk() !== Tok.Colon && this.tk() !== Tok.Rbrack) high = this.expr();
          if (this.tk() === Tok.Colon) {
            slice3 = true;
            if (!high) {
              this.error('middle index required in 3-index slice');
              high = this.mk('BadExpr', this.pos(), {});
            }
            this.next();
            if (this.tk() !== Tok.Rbrack) max = this.expr();
            else {
              this.error('final index required in 3-index slice');
              max = this.mk('BadExpr', this.pos(), {});
            }
          }
          this.xnest--;
          this.want(Tok.Rbrack);
          x = this.mk('SliceExpr', x.pos, { x, low: i, high, max, slice3 });
          break;
        }
        case Tok.Lparen: {
          const lparen = this.pos();
          this.next();
          const { args, ellipsis } = this.argList();
          x = this.mk('CallExpr', x.pos, { fun: x, args, ellipsis, lparen });
          break;
        }
        case Tok.Lbrace: {
          const t = unparen(x);
          let ok = false;
          switch (t.kind) {
            case 'Ident': case 'SelectorExpr':
              ok = this.xnest >= 0;
              break;
            case 'IndexExpr': case 'IndexListExpr':
              ok = this.xnest >= 0 && !isValue(t);
              break;
            case 'ArrayType': case 'StructType': case 'MapType':
              ok = true;
              break;
          }
          if (!ok) return x;
          if (t !== x) this.syntaxError('cannot parenthesize type in composite literal');
          x = this.complitExpr(x);
          break;
        }
        default:
          return x;
      }
    }
  }

  private argList(): { args: ast.Expr[]; ellipsis: Pos | null } {
    const args: ast.Expr[] = [];
    let ellipsis: Pos | null = null;
    this.xnest++;
    this.list('argument list', Tok.Comma, Tok.Rparen, () => {
      args.push(this.expr());
      if (this.tk() === Tok.DotDotDot) {
        ellipsis = this.pos();
        this.next();
        return true;
      }
      return false;
    });
    this.xnest--;
    return { args, ellipsis };
  }

  private bareComplitExpr(): ast.Expr {
    if (this.tk() === Tok.Lbrace) return this.complitExpr(null);
    return this.expr();
  }

  private complitExpr(type: ast.Expr | null): ast.CompositeLit {
    this.enter();
    try {
      const lbrace = this.pos();
      const elts: ast.Expr[] = [];
      this.xnest++;
      this.want(Tok.Lbrace);
      this.list('composite literal', Tok.Comma, Tok.Rbrace, () => {
        let e = this.bareComplitExpr();
        if (this.tk() === Tok.Colon) {
          this.next();
          const value = this.bareComplitExpr();
          e = this.mk('KeyValueExpr', e.pos, { key: e, value });
        }
        elts.push(e);
        return false;
      });
      this.xnest--;
      return this.mk('CompositeLit', type ? type.pos : lbrace, { type, elts, lbrace });
    } finally {
      this.leave();
    }
  }

  // ------------------------------------------------------------ statements

  private blockStmt(context: string): ast.BlockStmt {
    this.enter();
    try {
      const pos = this.pos();
      if (!this.got(Tok.Lbrace)) {
        this.syntaxError('expected { after ' + context);
        this.advance(Tok.Name, Tok.Rbrace);
        const rbrace = this.pos();
        if (this.got(Tok.Rbrace)) return this.mk('BlockStmt', pos, { list: [], rbrace });
      }
      const list = this.stmtList();
      const rbrace = this.pos();
      this.want(Tok.Rbrace);
      return this.mk('BlockStmt', pos, { list, rbrace });
    } finally {
      this.leave();
    }
  }

  private stmtList(): ast.Stmt[] {
    const l: ast.Stmt[] = [];
    while (this.tk() !== Tok.EOF && this.tk() !== Tok.Rbrace && this.tk() !== Tok.Case && this.tk() !== Tok.Default) {
      const s = this.stmtOrNull();
      if (!s) break;
      l.push(s);
      if (!this.got(Tok.Semi) && this.tk() !== Tok.Rbrace) {
        this.syntaxError('at end of statement');
        this.advance(Tok.Semi, Tok.Rbrace, Tok.Case, Tok.Default);
        this.got(Tok.Semi);
      }
    }
    return l;
  }

  private stmtOrNull(): ast.Stmt | null {
    this.enter();
    try {
      return this.stmtOrNullInner();
    } finally {
      this.leave();
    }
  }

  private stmtOrNullInner(): ast.Stmt | null {
    const pos = this.pos();
    if (this.tk() === Tok.Name) {
      const lhs = this.exprList();
      if (lhs.length === 1 && lhs[0]!.kind === 'Ident' && this.tk() === Tok.Colon) {
        return this.labeledStmt(lhs[0] as ast.Ident);
      }
      return this.simple(lhs);
    }
    switch (this.tk()) {
      case Tok.Var: case Tok.Const: case Tok.Type: {
        const decl = this.genDecl();
        return this.mk('DeclStmt', pos, { decl });
      }
      case Tok.Lbrace:
        return this.blockStmt('');
      case Tok.Operator: case Tok.Star:
        switch (this.s.op) {
          case '+': case '-': case '*': case '&': case '^': case '!':
            return this.simple(null);
        }
        return null;
      case Tok.Literal: case Tok.Func: case Tok.Lparen: case Tok.Lbrack: case Tok.Struct:
      case Tok.Map: case Tok.Chan: case Tok.Interface: case Tok.Arrow:
        return this.simple(null);
      case Tok.For:
        return this.forStmt();
      case Tok.Switch:
        return this.switchStmt();
      case Tok.Select:
        return this.selectStmt();
      case Tok.If:
        return this.ifStmt();
      case Tok.Fallthrough:
        this.next();
        return this.mk('BranchStmt', pos, { tok: 'fallthrough', label: null });
      case Tok.Break: case Tok.Continue: {
        const tok = this.tk() === Tok.Break ? 'break' : 'continue';
        this.next();
        const label = this.tk() === Tok.Name ? this.name() : null;
        return this.mk('BranchStmt', pos, { tok, label });
      }
      case Tok.Go: case Tok.Defer:
        return this.callStmt();
      case Tok.Goto: {
        this.next();
        const label = this.name();
        return this.mk('BranchStmt', pos, { tok: 'goto', label });
      }
      case Tok.Return: {
        this.next();
        let results: ast.Expr[] = [];
        if (this.tk() !== Tok.Semi && this.tk() !== Tok.Rbrace) results = this.exprList();
        return this.mk('ReturnStmt', pos, { results });
      }
      case Tok.Semi: {
        const s = this.mk('EmptyStmt', pos, { implicit: this.s.lit !== 'semicolon' });
        s.end = pos;
        return s;
      }
    }
    return null;
  }

  private labeledStmt(label: ast.Ident): ast.Stmt | null {
    const colon = this.pos();
    this.want(Tok.Colon);
    if (this.tk() === Tok.Rbrace) {
      const p = this.pos();
      const empty: ast.EmptyStmt = { kind: 'EmptyStmt', pos: p, end: p, id: this.nextId++, implicit: true };
      const ls = this.mk('LabeledStmt', label.pos, { label, stmt: empty });
      ls.end = p; // the label's statement is the empty one just before `}` (as in go/ast)
      return ls;
    }
    const stmt = this.stmtOrNull();
    if (stmt) return this.mk('LabeledStmt', label.pos, { label, stmt });
    this.syntaxErrorAt(colon, 'missing statement after label');
    return null;
  }

  private callStmt(): ast.Stmt {
    const pos = this.pos();
    const isGo = this.tk() === Tok.Go;
    const word = isGo ? 'go' : 'defer';
    this.next();
    let x = this.pexpr(null, this.tk() === Tok.Lparen);
    const t = unparen(x);
    if (t !== x) {
      this.errorAt(x.pos, `expression in ${word} must not be parenthesized`);
      x = t;
    }
    let call: ast.CallExpr;
    if (x.kind === 'CallExpr') call = x;
    else {
      // Go's type checker words this; the tree has no place for a non-call here.
      this.typeErrors.push({ pos: x.pos, message: `expression in ${word} must be function call` });
      call = { kind: 'CallExpr', pos: x.pos, end: x.end, id: this.nextId++, fun: x, args: [], ellipsis: null, lparen: x.end };
    }
    return isGo ? this.mk('GoStmt', pos, { call }) : this.mk('DeferStmt', pos, { call });
  }

  /** A simple statement outside a for header, which therefore cannot be a range clause. */
  private simple(lhs: ast.Expr[] | null): ast.Stmt {
    return this.simpleStmt(lhs, null) as ast.Stmt;
  }

  /**
   * SimpleStmt = ExprStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl, plus the range
   * clause of a for header (returned as a RangeStmt without body) when keyword is For.
   */
  private simpleStmt(lhsIn: ast.Expr[] | null, keyword: Tok | null): ast.Stmt | RangeHead {
    if (keyword === Tok.For && this.tk() === Tok.Range) return this.rangeHead(null, null, this.pos());
    const lhs = lhsIn ?? this.exprList();
    const first = lhs[0]!;
    if (lhs.length === 1 && this.tk() !== Tok.Assign && this.tk() !== Tok.Define) {
      const opPos = this.pos();
      switch (this.tk()) {
        case Tok.AssignOp: {
          const op = (this.s.op + '=') as ast.AssignOp;
          this.next();
          const rhs = [this.expr()];
          return this.mk('AssignStmt', first.pos, { lhs, op, rhs, opPos });
        }
        case Tok.IncOp: {
          const inc = this.s.op === '+';
          this.next();
          const st = this.mk('IncDecStmt', first.pos, { x: first, inc });
          this.incDecOps.set(st, opPos);
          return st;
        }
        case Tok.Arrow: {
          this.next();
          const value = this.expr();
          return this.mk('SendStmt', first.pos, { chan: first, value, arrow: opPos });
        }
        default:
          return this.mk('ExprStmt', first.pos, { x: first });
      }
    }
    if (this.tk() === Tok.Assign || this.tk() === Tok.Define) {
      const opPos = this.pos();
      const op = this.tk() === Tok.Define ? ':=' : '=';
      this.next();
      if (keyword === Tok.For && this.tk() === Tok.Range) return this.rangeHead(lhs, op, first.pos);
      const rhs = this.exprList();
      return this.mk('AssignStmt', first.pos, { lhs, op, rhs, opPos });
    }
    this.syntaxError('expected := or = or comma');
    this.advance(Tok.Semi, Tok.Rbrace);
    return this.mk('ExprStmt', first.pos, { x: first });
  }

  private rangeHead(lhs: ast.Expr[] | null, tok: ':=' | '=' | null, pos: Pos): RangeHead {
    this.next(); // range
    const x = this.expr();
    if (lhs && lhs.length > 2) {
      this.errorAt(lhs[2]!.pos, 'range clause permits at most two iteration variables');
    }
    return { kind: 'RangeHead', pos, key: lhs?.[0] ?? null, value: lhs?.[1] ?? null, tok, x };
  }

  /**
   * The header of if/for/switch: `[init;] cond`, or for a for loop `init; cond; post` or a
   * range clause. Composite literals of bare type names are not allowed here (xnest < 0).
   */
  private header(keyword: Tok): { init: ast.Stmt | null; cond: ast.Stmt | null; post: ast.Stmt | null; range: RangeHead | null } {
    const out = { init: null as ast.Stmt | null, cond: null as ast.Stmt | null, post: null as ast.Stmt | null, range: null as RangeHead | null };
    const kwName = keyword === Tok.If ? 'if' : keyword === Tok.For ? 'for' : 'switch';
    this.next(); // the keyword
    if (this.tk() === Tok.Lbrace) {
      if (keyword === Tok.If) {
        this.syntaxError('missing condition in if statement');
        out.cond = this.mk('ExprStmt', this.pos(), { x: this.mk('BadExpr', this.pos(), {}) });
      }
      return out;
    }
    const outer = this.xnest;
    this.xnest = -1;
    let init: ast.Stmt | RangeHead | null = null;
    if (this.tk() !== Tok.Semi) {
      if (this.got(Tok.Var)) this.syntaxError(`var declaration not allowed in ${kwName} initializer`);
      init = this.simpleStmt(null, keyword);
      if (init.kind === 'RangeHead') {
        this.xnest = outer;
        out.range = init;
        return out;
      }
    }
    let condStmt: ast.Stmt | RangeHead | null = null;
    let semi: { pos: Pos; lit: string } | null = null;
    let skipCond = false;
    if (this.tk() !== Tok.Lbrace) {
      if (this.tk() === Tok.Semi) {
        semi = { pos: this.pos(), lit: this.s.lit };
        this.next();
      } else {
        this.want(Tok.Lbrace);
        if (this.tk() !== Tok.Lbrace) this.advance(Tok.Lbrace, Tok.Rbrace);
      }
      if (keyword === Tok.For) {
        if (this.tk() !== Tok.Semi) {
          if (this.tk() === Tok.Lbrace) {
            this.syntaxError('expected for loop condition');
            skipCond = true;
          } else condStmt = this.simpleStmt(null, null);
        }
        if (!skipCond) {
          this.want(Tok.Semi);
          if (this.tk() !== Tok.Lbrace) {
            const post = this.simpleStmt(null, null);
            if (post.kind === 'AssignStmt' && post.op === ':=') {
              this.syntaxErrorAt(post.opPos, 'cannot declare in post statement of for loop');
            }
            out.post = post as ast.Stmt;
          }
        }
      } else if (this.tk() !== Tok.Lbrace) {
        condStmt = this.simpleStmt(null, keyword);
      }
      out.init = init as ast.Stmt | null;
    } else {
      condStmt = init;
    }
    // what the condition slot holds must be an expression (or a type switch guard)
    if (condStmt === null) {
      if (keyword === Tok.If && semi) {
        if (semi.lit !== 'semicolon') this.syntaxErrorAt(semi.pos, `unexpected ${semi.lit}, expected { after if clause`);
        else this.syntaxErrorAt(semi.pos, 'missing condition in if statement');
        out.cond = this.mk('ExprStmt', semi.pos, { x: this.mk('BadExpr', semi.pos, {}) });
      }
    } else if (condStmt.kind === 'ExprStmt' || (keyword === Tok.Switch && isTypeSwitchAssign(condStmt))) {
      out.cond = condStmt as ast.Stmt;
    } else {
      const s = condStmt as ast.Stmt;
      let str: string;
      if (s.kind === 'AssignStmt' && s.op === '=') {
        str = `assignment ${emphasize(s.lhs)} = ${emphasize(s.rhs)}`;
      } else str = stmtString(s);
      this.syntaxErrorAt(s.kind === 'IncDecStmt' ? this.incDecOps.get(s) ?? s.x.end : compilerStmtPos(s), `cannot use ${str} as value`);
      out.cond = this.mk('ExprStmt', s.pos, { x: this.mk('BadExpr', s.pos, {}) });
    }
    this.xnest = outer;
    return out;
  }

  private ifStmt(): ast.IfStmt {
    const pos = this.pos();
    const h = this.header(Tok.If);
    const cond = condExpr(h.cond) ?? this.mk('BadExpr', pos, {});
    const body = this.blockStmt('if clause');
    let else_: ast.Stmt | null = null;
    if (this.got(Tok.Else)) {
      if (this.tk() === Tok.If) else_ = this.ifStmt();
      else if (this.tk() === Tok.Lbrace) else_ = this.blockStmt('');
      else {
        this.syntaxError('else must be followed by if or statement block');
        this.advance(Tok.Name, Tok.Rbrace);
      }
    }
    return this.mk('IfStmt', pos, { init: h.init, cond, body, else_ });
  }

  private forStmt(): ast.Stmt {
    const pos = this.pos();
    const h = this.header(Tok.For);
    const body = this.blockStmt('for clause');
    if (h.range) {
      const r = h.range;
      return this.mk('RangeStmt', pos, { key: r.key, value: r.value, tok: r.tok, x: r.x, body });
    }
    return this.mk('ForStmt', pos, { init: h.init, cond: condExpr(h.cond), post: h.post, body });
  }

  private switchStmt(): ast.Stmt {
    const pos = this.pos();
    const h = this.header(Tok.Switch);
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError('missing { after switch clause');
      this.advance(Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const body: ast.CaseClause[] = [];
    while (this.tk() !== Tok.EOF && this.tk() !== Tok.Rbrace) body.push(this.caseClause());
    this.want(Tok.Rbrace);
    const c = h.cond;
    if (c && (isTypeSwitchAssign(c) || (c.kind === 'ExprStmt' && isGuard(c.x)))) {
      return this.mk('TypeSwitchStmt', pos, { init: h.init, assign: c as ast.AssignStmt | ast.ExprStmt, body });
    }
    return this.mk('SwitchStmt', pos, { init: h.init, tag: condExpr(c), body });
  }

  private caseClause(): ast.CaseClause {
    const pos = this.pos();
    let list: ast.Expr[] = [];
    if (this.tk() === Tok.Case) {
      this.next();
      list = this.exprList();
    } else if (this.tk() === Tok.Default) {
      this.next();
    } else {
      this.syntaxError('expected case or default or }');
      this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = this.pos();
    this.want(Tok.Colon);
    const body = this.stmtList();
    return this.mk('CaseClause', pos, { list, body, colon });
  }

  private selectStmt(): ast.SelectStmt {
    const pos = this.pos();
    this.next();
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError('missing { after select clause');
      this.advance(Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const body: ast.CommClause[] = [];
    while (this.tk() !== Tok.EOF && this.tk() !== Tok.Rbrace) body.push(this.commClause());
    this.want(Tok.Rbrace);
    return this.mk('SelectStmt', pos, { body });
  }

  private commClause(): ast.CommClause {
    const pos = this.pos();
    let comm: ast.Stmt | null = null;
    if (this.tk() === Tok.Case) {
      this.next();
      comm = this.simple(null);
    } else if (this.tk() === Tok.Default) {
      this.next();
    } else {
      this.syntaxError('expected case or default or }');
      this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = this.pos();
    this.want(Tok.Colon);
    const body = this.stmtList();
    return this.mk('CommClause', pos, { comm, body, colon });
  }
}

/** A parsed `[k, v :=] range x` before its loop body is known. */
interface RangeHead {
  kind: 'RangeHead';
  pos: Pos;
  key: ast.Expr | null;
  value: ast.Expr | null;
  tok: ':=' | '=' | null;
  x: ast.Expr;
}

/**
 * In `type T[x ...`, is x the start of a type parameter list? Returns the parameter name and,
 * when the constraint was already swallowed into x (`P *C`, `P ~int | C`, `P(C)`), the constraint.
 */
function extractName(x: ast.Expr, force: boolean): [ast.Ident | null, ast.Expr | null] {
  switch (x.kind) {
    case 'Ident':
      return [x, null];
    case 'BinaryExpr':
      if (x.op === '*' && x.x.kind === 'Ident' && (force || isTypeElem(x.y))) {
        return [x.x, { kind: 'StarExpr', pos: x.opPos, end: x.y.end, id: x.id, x: x.y }];
      }
      if (x.op === '|') {
        const [name, lhs] = extractName(x.x, force || isTypeElem(x.y));
        if (name && lhs) return [name, { ...x, x: lhs }];
      }
      break;
    case 'CallExpr':
      if (x.fun.kind === 'Ident' && x.args.length === 1 && !x.ellipsis && (force || isTypeElem(x.args[0]!))) {
        return [x.fun, unparen(x.args[0]!)];
      }
      break;
  }
  return [null, x];
}

/** Can x only be a type (or type set), never a value? */
function isTypeElem(x: ast.Expr): boolean {
  switch (x.kind) {
    case 'ArrayType': case 'StructType': case 'FuncType': case 'InterfaceType': case 'MapType': case 'ChanType':
      return true;
    case 'BinaryExpr':
      return isTypeElem(x.x) || isTypeElem(x.y);
    case 'UnaryExpr':
      return x.op === '~' || isTypeElem(x.x);
    case 'StarExpr': case 'ParenExpr':
      return isTypeElem(x.x);
    default:
      return false;
  }
}

/** Where Go's compiler places a simple statement: at its operator, not at its start. */
function compilerStmtPos(s: ast.Stmt): Pos {
  switch (s.kind) {
    case 'AssignStmt': return s.opPos;
    case 'SendStmt': return s.arrow;
    case 'IncDecStmt': return s.x.end;
    default: return s.pos;
  }
}

function unparen(x: ast.Expr): ast.Expr {
  while (x.kind === 'ParenExpr') x = x.x;
  return x;
}

function isGuard(x: ast.Expr): boolean {
  return x.kind === 'TypeAssertExpr' && x.type === null;
}

/** `v := x.(type)` in a switch header. */
function isTypeSwitchAssign(s: ast.Stmt | RangeHead): boolean {
  return s.kind === 'AssignStmt' && s.op === ':=' && s.lhs.length === 1 && s.lhs[0]!.kind === 'Ident' && s.rhs.length === 1 && isGuard(s.rhs[0]!);
}

function condExpr(s: ast.Stmt | null): ast.Expr | null {
  if (!s) return null;
  if (s.kind === 'ExprStmt') return s.x;
  return null;
}

/** Could this expression only be a value (so `x[i] {` cannot start a composite literal)? */
function isValue(x: ast.Expr): boolean {
  switch (x.kind) {
    case 'BasicLit': case 'CompositeLit': case 'FuncLit': case 'SliceExpr': case 'TypeAssertExpr': case 'CallExpr':
      return true;
    case 'UnaryExpr': case 'BinaryExpr':
      return true;
    case 'ParenExpr':
      return isValue(x.x);
    case 'IndexExpr':
      return isValue(x.x) || isValue(x.index);
    default:
      return false;
  }
}

function emphasize(list: ast.Expr[]): string {
  const s = list.map(exprString).join(', ');
  return list.length === 1 && list[0]!.kind === 'BinaryExpr' ? '(' + s + ')' : s;
}


// ------------------------------------------------------------ labels and branches

interface LabelInfo {
  block: BranchBlock;
  stmt: ast.LabeledStmt;
  used: boolean;
}

interface BranchBlock {
  parent: BranchBlock | null;
  start: Pos;
  /** The labeled statement that owns this block, if any (the target of `break L`). */
  lstmt: ast.LabeledStmt | null;
}

interface BranchTargets {
  breaks: ast.Stmt | null;
  continues: ast.Stmt | null;
  /** Index of the enclosing switch case, or -1. */
  caseIndex: number;
}

/**
 * Go's compiler checks labels, goto, break, continue and fallthrough while parsing (not in
 * the type checker), with these exact messages; gosim does the same per function body.
 */
function checkBranches(body: ast.BlockStmt, filename: string, report: (pos: Pos, msg: string) => void): void {
  const labels = new Map<string, LabelInfo>();
  const where = (p: Pos): string => `./${filename}:${p.line}:${p.col}`;

  const declare = (b: BranchBlock, s: ast.LabeledStmt): LabelInfo => {
    const name = s.label.name;
    const alt = labels.get(name);
    if (alt) {
      report(s.label.pos, `label ${name} already defined at ${where(alt.stmt.label.pos)}`);
      return alt;
    }
    const l = { block: b, stmt: s, used: false };
    labels.set(name, l);
    return l;
  };

  const gotoTarget = (b: BranchBlock | null, name: string): ast.LabeledStmt | null => {
    const l = labels.get(name);
    if (!l) return null;
    l.used = true;
    for (; b; b = b.parent) if (l.block === b) return l.stmt;
    return null;
  };

  /** The enclosing labeled statement named `name`: undefined if no such label, null if not enclosing. */
  const enclosingTarget = (b: BranchBlock | null, name: string): ast.LabeledStmt | null | undefined => {
    const l = labels.get(name);
    if (!l) return undefined;
    l.used = true;
    for (; b; b = b.parent) if (l.stmt === b.lstmt) return l.stmt;
    return null;
  };

  const blockBranches = (
    parent: BranchBlock | null,
    ctxt: BranchTargets,
    lstmtIn: ast.LabeledStmt | null,
    start: Pos,
    list: ast.Stmt[],
  ): ast.BranchStmt[] => {
    const b: BranchBlock = { parent, start, lstmt: lstmtIn };
    let varPos: Pos | null = null;
    let varName = '';
    let fwdGotos: ast.BranchStmt[] = [];
    let badGotos: ast.BranchStmt[] = [];
    const recordVarDecl = (pos: Pos, name: string): void => {
      varPos = pos;
      varName = name;
      badGotos = fwdGotos.slice();
    };
    const inner = (t: BranchTargets, lstmt: ast.LabeledStmt | null, st: Pos, body: ast.Stmt[]): void => {
      for (const g of blockBranches(b, t, lstmt, st, body)) fwdGotos.push(g);
    };

    let n = list.length;
    while (n > 0 && list[n - 1]!.kind === 'EmptyStmt') n--;
    for (let idx = 0; idx < n; idx++) {
      let stmt = list[idx]!;
      let lstmt: ast.LabeledStmt | null = null;
      while (stmt.kind === 'LabeledStmt') {
        const s = stmt;
        const name = s.label.name;
        if (name !== '_') {
          const l = declare(b, s);
          const keep: ast.BranchStmt[] = [];
          for (const fwd of fwdGotos) {
            if (fwd.label!.name === name) {
              l.used = true;
              if (varPos && badGotos.includes(fwd)) {
                report(fwd.label!.pos, `goto ${name} jumps over declaration of ${varName} at ${where(varPos)}`);
              }
            } else keep.push(fwd);
          }
          fwdGotos = keep;
          lstmt = s;
        }
        stmt = s.stmt;
      }
      switch (stmt.kind) {
        case 'DeclStmt': {
          const d = stmt.decl;
          const v = d.tok === 'var' ? d.specs[0] : undefined;
          if (v && v.kind === 'ValueSpec') recordVarDecl(v.pos, v.names[0]!.name);
          break;
        }
        case 'AssignStmt':
          if (stmt.op === ':=') recordVarDecl(stmt.opPos, stmt.lhs.map(exprString).join(', '));
          break;
        case 'BranchStmt': {
          const s = stmt;
          if (!s.label) {
            if (s.tok === 'break') {
              if (!ctxt.breaks) report(s.pos, 'break is not in a loop, switch, or select');
            } else if (s.tok === 'continue') {
              if (!ctxt.continues) report(s.pos, 'continue is not in a loop');
            } else if (s.tok === 'fallthrough') {
              let msg: string | null = 'fallthrough statement out of place';
              const t = ctxt.breaks;
              if (t && t.kind === 'TypeSwitchStmt') msg = 'cannot fallthrough in type switch';
              else if (t && t.kind === 'SwitchStmt') {
                if (ctxt.caseIndex < 0 || idx + 1 < n) {
                  // not the last statement of a case: out of place
                } else if (ctxt.caseIndex + 1 === t.body.length) msg = 'cannot fallthrough final case in switch';
                else msg = null;
              }
              if (msg) report(s.pos, msg);
            }
            break;
          }
          const name = s.label.name;
          if (s.tok === 'break') {
            const t = enclosingTarget(b, name);
            if (t === undefined) report(s.label.pos, `break label not defined: ${name}`);
            else {
              const k = t?.stmt.kind;
              if (k !== 'SwitchStmt' && k !== 'TypeSwitchStmt' && k !== 'SelectStmt' && k !== 'ForStmt' && k !== 'RangeStmt') {
                report(s.label.pos, `invalid break label ${name}`);
              }
            }
          } else if (s.tok === 'continue') {
            const t = enclosingTarget(b, name);
            if (t === undefined) report(s.label.pos, `continue label not defined: ${name}`);
            else {
              const k = t?.stmt.kind;
              if (k !== 'ForStmt' && k !== 'RangeStmt') report(s.label.pos, `invalid continue label ${name}`);
            }
          } else if (s.tok === 'goto') {
            if (!gotoTarget(b, name)) fwdGotos.push(s);
          }
          break;
        }
        case 'BlockStmt':
          inner({ breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 }, lstmt, stmt.pos, stmt.list);
          break;
        case 'IfStmt': {
          const t = { breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 };
          inner(t, lstmt, stmt.body.pos, stmt.body.list);
          if (stmt.else_) inner(t, lstmt, stmt.else_.pos, [stmt.else_]);
          break;
        }
        case 'ForStmt': case 'RangeStmt':
          inner({ breaks: stmt, continues: stmt, caseIndex: -1 }, lstmt, stmt.body.pos, stmt.body.list);
          break;
        case 'SwitchStmt': case 'TypeSwitchStmt': {
          const s = stmt;
          s.body.forEach((cc, i) => {
            inner({ breaks: s, continues: ctxt.continues, caseIndex: i }, lstmt, cc.pos, cc.body);
          });
          break;
        }
        case 'SelectStmt':
          for (const cc of stmt.body) inner({ breaks: stmt, continues: ctxt.continues, caseIndex: -1 }, lstmt, cc.pos, cc.body);
          break;
      }
    }
    return fwdGotos;
  };

  const fwd = blockBranches(null, { breaks: null, continues: null, caseIndex: -1 }, null, body.pos, body.list);
  for (const g of fwd) {
    const name = g.label!.name;
    const l = labels.get(name);
    if (l) {
      l.used = true;
      report(g.label!.pos, `goto ${name} jumps into block starting at ${where(l.block.start)}`);
    } else report(g.label!.pos, `label ${name} not defined`);
  }
  for (const l of labels.values()) {
    if (!l.used) report(l.stmt.label.pos, `label ${l.stmt.label.name} defined and not used`);
  }
}

// ------------------------------------------------------------ the go command's header check

/**
 * Before compiling, the go command reads the package clause and imports itself (go/build's
 * import reader, then go/parser in ImportsOnly mode) and stops at the first error it finds
 * there, in go/parser's words. Returns that error, or null when the header is fine.
 */
function goCommandHeaderError(src: string): ast.SourceError | null {
  const headerEnd = importReaderEnd(src);
  return importsOnlyParse(headerEnd < 0 ? src : src.slice(0, headerEnd));
}

function isIdentUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 0x80;
}

/**
 * go/build's byte-level reader of the file header: where the header ends when it reads
 * cleanly, or -1 when it hits something malformed (go/parser then sees the whole file).
 */
function importReaderEnd(src: string): number {
  let i = 0;
  let bad = false;
  const n = src.length;
  const skipSpace = (): void => {
    while (i < n && !bad) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 12 || c === 9 || c === 13 || c === 10 || c === 59) {
        i++;
      } else if (c === 47) {
        const d = src.charCodeAt(i + 1);
        if (d === 47) {
          while (i < n && src.charCodeAt(i) !== 10) i++;
        } else if (d === 42) {
          const end = src.indexOf('*/', i + 2);
          if (end < 0) bad = true;
          else i = end + 2;
        } else bad = true;
      } else break;
    }
  };
  const keyword = (kw: string): void => {
    skipSpace();
    if (src.startsWith(kw, i)) {
      i += kw.length;
      if (i < n && isIdentUnit(src.charCodeAt(i))) bad = true;
    } else bad = true;
  };
  const ident = (): void => {
    skipSpace();
    if (i >= n || !isIdentUnit(src.charCodeAt(i))) {
      bad = true;
      return;
    }
    while (i < n && isIdentUnit(src.charCodeAt(i))) i++;
  };
  const string = (): void => {
    skipSpace();
    const q = src.charCodeAt(i);
    if (q === 96) {
      const end = src.indexOf('`', i + 1);
      if (end < 0) bad = true;
      else i = end + 1;
    } else if (q === 34) {
      i++;
      for (;;) {
        if (i >= n) {
          bad = true;
          return;
        }
        const c = src.charCodeAt(i++);
        if (c === 34) return;
        if (c === 10) {
          bad = true;
          return;
        }
        if (c === 92) i++;
      }
    } else bad = true;
  };
  const importSpec = (): void => {
    skipSpace();
    const c = src.charCodeAt(i);
    if (c === 46) i++;
    else if (i < n && isIdentUnit(c)) ident();
    if (!bad) string();
  };
  keyword('package');
  if (!bad) ident();
  while (!bad) {
    skipSpace();
    if (bad || i >= n || src.charCodeAt(i) !== 105) break;
    keyword('import');
    if (bad) break;
    skipSpace();
    if (src.charCodeAt(i) === 40) {
      i++;
      for (;;) {
        skipSpace();
        if (bad || i >= n || src.charCodeAt(i) === 41) break;
        importSpec();
      }
      if (i < n) i++;
    } else importSpec();
  }
  return bad ? -1 : i;
}

/** go/parser's ImportsOnly parse; the first error by position, in its wording. */
function importsOnlyParse(src: string): ast.SourceError | null {
  const errs: ast.SourceError[] = [];
  let lastLine = -1;
  const report = (pos: Pos, message: string): void => {
    // go/parser keeps one error per line unless asked for all
    if (pos.line === lastLine) return;
    lastLine = pos.line;
    errs.push({ pos, message });
  };
  const s: Scanner = new Scanner(src, (line, col, offset, msg) => {
    let m = msg;
    let at: Pos = { line, col, offset };
    if (msg === 'newline in string' || msg === 'string not terminated') {
      at = { line: s.line, col: s.col, offset: s.offset };
      m = src.charCodeAt(at.offset) === 96 || src[s.offset] === '`' ? 'raw string literal not terminated' : 'string literal not terminated';
    } else if (msg.startsWith('invalid character ') && !msg.endsWith(' in identifier')) {
      m = 'illegal character ' + msg.slice('invalid character '.length);
    }
    report(at, m);
  });
  const pos = (): Pos => ({ line: s.line, col: s.col, offset: s.offset });
  const found = (): string => {
    switch (s.tok) {
      case Tok.Semi: return s.lit === 'semicolon' ? "';'" : 'newline';
      case Tok.Name: case Tok.Literal: return s.lit;
      case Tok.EOF: return "'EOF'";
      case Tok.Operator: return `'${s.op}'`;
      case Tok.AssignOp: return `'${s.op}='`;
      case Tok.IncOp: return `'${s.op}${s.op}'`;
      default: return `'${tokText(s.tok)}'`;
    }
  };
  const expected = (what: string): void => report(pos(), `expected ${what}, found ${found()}`);
  const expect = (t: Tok, what: string): void => {
    if (s.tok !== t) expected(what);
    s.next();
  };
  const expectSemi = (): void => {
    if (s.tok === Tok.Rparen || s.tok === Tok.Rbrace) return;
    if (s.tok === Tok.Comma) {
      expected("';'");
      s.next();
    } else if (s.tok === Tok.Semi) {
      s.next();
    } else {
      expected("';'");
      // skip to a statement start (go/parser's advance(stmtStart))
      while (s.tok !== Tok.EOF && !STMT_START.has(s.tok)) s.next();
    }
  };
  const importSpec = (): void => {
    if (s.tok === Tok.Name || s.tok === Tok.Dot) s.next();
    if (s.tok === Tok.Literal && s.kind === 'STRING') s.next();
    else if (s.tok === Tok.Literal || s.tok === Tok.Name) {
      // go/token counts identifiers among literals here
      report(pos(), 'import path must be a string');
      s.next();
    } else {
      report(pos(), 'missing import path');
      while (s.tok !== Tok.EOF && !EXPR_END.has(s.tok)) s.next();
    }
    expectSemi();
  };
  s.next();
  expect(Tok.Package, "'package'");
  if (errs.length === 0) {
    expect(Tok.Name, "'IDENT'");
    expectSemi();
  }
  if (errs.length === 0) {
    for (let guard = 0; s.tok === Tok.Import && guard < 100000; guard++) {
      s.next();
      if ((s.tok as Tok) === Tok.Lparen) {
        s.next();
        for (let g = 0; !atAny(s, Tok.Rparen, Tok.EOF) && g < 100000; g++) importSpec();
        expect(Tok.Rparen, "')'");
        expectSemi();
      } else importSpec();
    }
  }
  if (errs.length === 0) return null;
  errs.sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  return errs[0]!;
}

/** Is the scanner at one of these tokens? (A call, so TypeScript does not keep stale narrowings.) */
function atAny(s: Scanner, ...ts: Tok[]): boolean {
  return ts.includes(s.tok);
}

const STMT_START = new Set<Tok>([
  Tok.Break, Tok.Const, Tok.Continue, Tok.Defer, Tok.Fallthrough, Tok.For, Tok.Go, Tok.Goto,
  Tok.If, Tok.Return, Tok.Select, Tok.Switch, Tok.Type, Tok.Var,
]);
const EXPR_END = new Set<Tok>([Tok.Comma, Tok.Colon, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace]);
