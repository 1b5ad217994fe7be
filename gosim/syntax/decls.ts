// Top-level declarations. Split from the rest of the grammar because this is where a function
// body is finished, so it is where the compiler's per-function branch checks are triggered.
import type * as ast from './ast.ts';
import { Tok, tokString } from './token.ts';
import { Bailout, ParserBase, type Pos, unparen } from './base.ts';
import { checkBranches } from './branches.ts';
import { checkNesting } from './nesting.ts';

export abstract class DeclParser extends ParserBase {
  // Implemented by the later grammar layers (types, expressions, statements).
  protected abstract name(): ast.Ident;
  protected abstract nameList(first: ast.Ident): ast.Ident[];
  protected abstract literalOrNull(): ast.BasicLit | null;
  protected abstract exprList(): ast.Expr[];
  protected abstract binaryExpr(x: ast.Expr | null, prec: number): ast.Expr;
  protected abstract pexpr(start: ast.Expr | null, keepParens: boolean): ast.Expr;
  protected abstract type(): ast.Expr;
  protected abstract typeOrNull(): ast.Expr | null;
  protected abstract arrayType(pos: Pos, len: ast.Expr | null): ast.Expr;
  protected abstract funcType(context: string, allowTypeParams: boolean, start?: Pos | null): ast.FuncType;
  protected abstract paramList(
    name: ast.Ident | null,
    typ: ast.Expr | null,
    close: Tok,
    requireNames: boolean,
    dddOk: boolean,
  ): ast.Field[];
  protected abstract blockStmt(context: string): ast.BlockStmt;

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
      // A chain the grammar builds in a loop (`a + b + c ...`) nests without the parser
      // recursing, so the finished declaration is measured too.
      const deep = checkNesting(this.decls[this.decls.length - 1]!, 1);
      if (deep !== null) {
        this.errorAt(deep.pos, deep.message);
        throw new Bailout();
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
  protected list(context: string, sep: Tok, close: Tok, f: () => boolean): Pos {
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

  protected genDecl(): ast.GenDecl {
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

  protected importSpec(): ast.ImportSpec | null {
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

  protected valueSpec(isConst: boolean, iota: number): ast.ValueSpec {
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

  protected typeSpec(): ast.TypeSpec {
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

  protected funcDecl(): ast.FuncDecl {
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

  protected funcBody(): ast.BlockStmt {
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
