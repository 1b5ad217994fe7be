// Expressions. Kept apart because operator precedence and the composite-literal ambiguity in
// if/for/switch headers (`if x == T{}`) are subtle enough to deserve a file of their own.
import type * as ast from './ast.ts';
import { exprString } from './walk.ts';
import { Tok } from './token.ts';
import { type Pos, unparen } from './base.ts';
import { TypeParser } from './types.ts';

export abstract class ExprParser extends TypeParser {
  protected name(): ast.Ident {
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

  protected nameList(first: ast.Ident): ast.Ident[] {
    const l = [first];
    while (this.got(Tok.Comma)) l.push(this.name());
    return l;
  }

  protected literalOrNull(): ast.BasicLit | null {
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

  protected exprList(): ast.Expr[] {
    const l = [this.expr()];
    while (this.got(Tok.Comma)) l.push(this.expr());
    return l;
  }

  /**
   * Index or type-argument list: the first element an expression (or a type if strict), the
   * rest types, as in Go's parser (so `a[i, 'x']` fails at the literal, like go build).
   */
  protected typeList(strict: boolean): { list: ast.Expr[]; comma: boolean } {
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

  protected binaryExpr(x: ast.Expr | null, prec: number): ast.Expr {
    this.enter('expression');
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

  protected unaryExpr(): ast.Expr {
    this.enter('expression');
    try {
      return this.unaryExprInner();
    } finally {
      this.leave();
    }
  }

  protected unaryExprInner(): ast.Expr {
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

  protected operand(keepParens: boolean): ast.Expr {
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

  protected pexpr(start: ast.Expr | null, keepParens: boolean): ast.Expr {
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

  protected argList(): { args: ast.Expr[]; ellipsis: Pos | null } {
    return this.nested('expression', () => this.argListInner());
  }

  private argListInner(): { args: ast.Expr[]; ellipsis: Pos | null } {
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

  protected bareComplitExpr(): ast.Expr {
    if (this.tk() === Tok.Lbrace) return this.complitExpr(null);
    return this.expr();
  }

  protected complitExpr(type: ast.Expr | null): ast.CompositeLit {
    this.enter('expression');
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
