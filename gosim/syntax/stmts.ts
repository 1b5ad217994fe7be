// Statements, the last grammar layer, so it is the concrete parser. Separate because
// statement headers carry the compiler's most learner-visible messages ("cannot use ... as
// value", "expression in go must be function call") and their exact positions.
import type * as ast from './ast.ts';
import { exprString, stmtString } from './walk.ts';
import { Tok } from './token.ts';
import { type Pos, unparen } from './base.ts';
import { ExprParser } from './exprs.ts';

export class Parser extends ExprParser {
  protected blockStmt(context: string): ast.BlockStmt {
    this.enter('block');
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

  protected stmtList(): ast.Stmt[] {
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

  protected stmtOrNull(): ast.Stmt | null {
    this.enter('statement');
    try {
      return this.stmtOrNullInner();
    } finally {
      this.leave();
    }
  }

  protected stmtOrNullInner(): ast.Stmt | null {
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

  protected labeledStmt(label: ast.Ident): ast.Stmt | null {
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

  protected callStmt(): ast.Stmt {
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
  protected simple(lhs: ast.Expr[] | null): ast.Stmt {
    return this.simpleStmt(lhs, null) as ast.Stmt;
  }

  /**
   * SimpleStmt = ExprStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl, plus the range
   * clause of a for header (returned as a RangeStmt without body) when keyword is For.
   */
  protected simpleStmt(lhsIn: ast.Expr[] | null, keyword: Tok | null): ast.Stmt | RangeHead {
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

  protected rangeHead(lhs: ast.Expr[] | null, tok: ':=' | '=' | null, pos: Pos): RangeHead {
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
  protected header(keyword: Tok): { init: ast.Stmt | null; cond: ast.Stmt | null; post: ast.Stmt | null; range: RangeHead | null } {
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

  protected ifStmt(): ast.IfStmt {
    return this.nested('statement', () => this.ifStmtInner());
  }

  private ifStmtInner(): ast.IfStmt {
    const pos = this.pos();
    const h = this.header(Tok.If);
    const cond = condExpr(h.cond) ?? this.mk('BadExpr', pos, {});
    const body = this.blockStmt('if clause');
    let else_: ast.Stmt | null = null;
    if (this.got(Tok.Else)) {
      // An else-if chain recurses once per link.
      if (this.tk() === Tok.If) else_ = this.nested('statement', () => this.ifStmt());
      else if (this.tk() === Tok.Lbrace) else_ = this.blockStmt('');
      else {
        this.syntaxError('else must be followed by if or statement block');
        this.advance(Tok.Name, Tok.Rbrace);
      }
    }
    return this.mk('IfStmt', pos, { init: h.init, cond, body, else_ });
  }

  protected forStmt(): ast.Stmt {
    const pos = this.pos();
    const h = this.header(Tok.For);
    const body = this.blockStmt('for clause');
    if (h.range) {
      const r = h.range;
      return this.mk('RangeStmt', pos, { key: r.key, value: r.value, tok: r.tok, x: r.x, body });
    }
    return this.mk('ForStmt', pos, { init: h.init, cond: condExpr(h.cond), post: h.post, body });
  }

  protected switchStmt(): ast.Stmt {
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

  /**
   * `case X:` / `default:` and the statements after it, shared by switch and select clauses;
   * `parseCase` reads what follows `case` (an expression list, or a communication).
   */
  private clause<T>(parseCase: () => T, none: T): { pos: ast.Pos; head: T; colon: ast.Pos; body: ast.Stmt[] } {
    const pos = this.pos();
    let head = none;
    if (this.tk() === Tok.Case) {
      this.next();
      head = parseCase();
    } else if (this.tk() === Tok.Default) {
      this.next();
    } else {
      this.syntaxError('expected case or default or }');
      this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = this.pos();
    this.want(Tok.Colon);
    return { pos, head, colon, body: this.stmtList() };
  }

  protected caseClause(): ast.CaseClause {
    const c = this.nested('statement', () => this.clause<ast.Expr[]>(() => this.exprList(), []));
    return this.mk('CaseClause', c.pos, { list: c.head, body: c.body, colon: c.colon });
  }

  protected selectStmt(): ast.SelectStmt {
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

  protected commClause(): ast.CommClause {
    const c = this.nested('statement', () => this.clause<ast.Stmt | null>(() => this.simple(null), null));
    return this.mk('CommClause', c.pos, { comm: c.head, body: c.body, colon: c.colon });
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

/** Where Go's compiler places a simple statement: at its operator, not at its start. */
function compilerStmtPos(s: ast.Stmt): Pos {
  switch (s.kind) {
    case 'AssignStmt': return s.opPos;
    case 'SendStmt': return s.arrow;
    case 'IncDecStmt': return s.x.end;
    default: return s.pos;
  }
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

function emphasize(list: ast.Expr[]): string {
  const s = list.map(exprString).join(', ');
  return list.length === 1 && list[0]!.kind === 'BinaryExpr' ? '(' + s + ')' : s;
}
