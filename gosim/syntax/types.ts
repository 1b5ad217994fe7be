// Type syntax, including parameter lists. Its own layer because generics make types and
// expressions ambiguous (`[N]T` vs `T[A]`, `~int | C` in interfaces), and the disambiguation
// rules borrowed from Go's parser are easiest to keep faithful when they live together.
import type * as ast from './ast.ts';
import { Tok, tokString } from './token.ts';
import { type Pos } from './base.ts';
import { DeclParser } from './decls.ts';

export abstract class TypeParser extends DeclParser {
  // Implemented by the expression layer.
  abstract expr(): ast.Expr;
  protected abstract typeList(strict: boolean): { list: ast.Expr[]; comma: boolean };

  /** `start` is where the node begins: the `func` keyword when there is one (as in go/ast). */
  protected funcType(context: string, allowTypeParams: boolean, start: Pos | null = null): ast.FuncType {
    return this.nested('type', () => this.funcTypeInner(context, allowTypeParams, start));
  }

  private funcTypeInner(context: string, allowTypeParams: boolean, start: Pos | null): ast.FuncType {
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

  protected funcResult(): ast.FieldList | null {
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

  protected type(): ast.Expr {
    const t = this.typeOrNull();
    if (t) return t;
    const bad = this.mk('BadExpr', this.pos(), {});
    this.syntaxError('expected type');
    this.advance(Tok.Comma, Tok.Colon, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return bad;
  }

  protected typeOrNull(): ast.Expr | null {
    this.enter('type');
    try {
      return this.typeOrNullInner();
    } finally {
      this.leave();
    }
  }

  protected typeOrNullInner(): ast.Expr | null {
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

  protected arrayType(pos: Pos, len: ast.Expr | null): ast.Expr {
    return this.nested('type', () => this.arrayTypeInner(pos, len));
  }

  private arrayTypeInner(pos: Pos, len: ast.Expr | null): ast.Expr {
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

  protected chanElem(): ast.Expr {
    const t = this.typeOrNull();
    if (t) return t;
    const bad = this.mk('BadExpr', this.pos(), {});
    this.syntaxError('missing channel element type');
    return bad;
  }

  protected qualifiedName(name: ast.Ident | null): ast.Expr {
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

  protected typeInstance(x: ast.Expr): ast.Expr {
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

  protected indexOf(x: ast.Expr, list: ast.Expr[]): ast.Expr {
    if (list.length === 1) return this.mk('IndexExpr', x.pos, { x, index: list[0]! });
    return this.mk('IndexListExpr', x.pos, { x, indices: list });
  }

  protected structType(): ast.StructType {
    return this.nested('type', () => this.structTypeInner());
  }

  private structTypeInner(): ast.StructType {
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

  protected fieldDecl(out: ast.Field[]): void {
    this.nested('type', () => this.fieldDeclInner(out));
  }

  private fieldDeclInner(out: ast.Field[]): void {
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
  protected arrayOrTypeArgs(): ast.Expr {
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

  protected interfaceType(): ast.InterfaceType {
    return this.nested('type', () => this.interfaceTypeInner());
  }

  private interfaceTypeInner(): ast.InterfaceType {
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
  protected embeddedElem(pos: Pos, first: ast.Expr | null): ast.Field {
    let t = first ?? this.embeddedTerm();
    while (this.tk() === Tok.Operator && this.s.op === '|') {
      const opPos = this.pos();
      this.next();
      const y = this.embeddedTerm();
      t = this.mk('BinaryExpr', t.pos, { op: '|', x: t, y, opPos });
    }
    return this.mk('Field', pos, { names: [], type: t, tag: null });
  }

  protected embeddedTerm(): ast.Expr {
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
  protected paramDecl(close: Tok, given: ast.Ident | null): { name: ast.Ident | null; type: ast.Expr | null; pos: Pos; dots: Pos | null } | null {
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
  protected paramList(
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
}
