// The go command's own look at the package clause and imports, before the compiler runs.
// It uses a different reader and go/parser's wording, and its error replaces the compiler's,
// so it must stay independent of the compiler-style parser.
import type * as ast from './ast.ts';
import { Scanner } from './scanner.ts';
import { Tok, tokText } from './token.ts';
import { type Pos } from './base.ts';

/**
 * Before compiling, the go command reads the package clause and imports itself (go/build's
 * import reader, then go/parser in ImportsOnly mode) and stops at the first error it finds
 * there, in go/parser's words. Returns that error, or null when the header is fine.
 */
export function goCommandHeaderError(src: string): ast.SourceError | null {
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
