// Tokens of Go source, grouped the way Go's compiler (cmd/compile/internal/syntax) groups them,
// because its syntax-error messages name tokens by these groups ("unexpected name x",
// "unexpected literal 42", "unexpected keyword else") and gosim reproduces those messages.

export enum Tok {
  EOF,
  Name,
  Literal,
  /** A binary or unary operator other than `*` and `<-` (see `op`). */
  Operator,
  /** `op=` such as `+=`. */
  AssignOp,
  /** `++` or `--`. */
  IncOp,
  Assign,
  Define,
  Arrow,
  Star,
  Lparen,
  Lbrack,
  Lbrace,
  Rparen,
  Rbrack,
  Rbrace,
  Comma,
  Semi,
  Colon,
  Dot,
  DotDotDot,
  // keywords, in alphabetical order (Break..Var is the keyword range)
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,
}

const TOKEN_TEXT: readonly string[] = [
  'EOF', 'name', 'literal', 'op', 'op=', 'opop', '=', ':=', '<-', '*',
  '(', '[', '{', ')', ']', '}', ',', ';', ':', '.', '...',
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough',
  'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range',
  'return', 'select', 'struct', 'switch', 'type', 'var',
];

export const KEYWORDS: ReadonlyMap<string, Tok> = new Map(
  TOKEN_TEXT.slice(Tok.Break).map((w, i) => [w, (Tok.Break + i) as Tok]),
);

export function isKeyword(t: Tok): boolean {
  return t >= Tok.Break && t <= Tok.Var;
}

/** The token's own spelling (`(`, `else`, ...). */
export function tokText(t: Tok): string {
  return TOKEN_TEXT[t] ?? '?';
}

/** How a token is named in an "expected X" message, as Go's compiler words it. */
export function tokString(t: Tok): string {
  if (t === Tok.Comma) return 'comma';
  if (t === Tok.Semi) return 'semicolon or newline';
  if (isKeyword(t)) return 'keyword ' + tokText(t);
  return tokText(t);
}

export type LitKind = 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING';

/** Operators carried by Operator/AssignOp/IncOp/Star tokens. */
export type Op =
  | '!' | '<-' | '~' | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '+' | '-' | '|' | '^' | '*' | '/' | '%' | '&' | '&^' | '<<' | '>>';

// Binary precedence levels, loosest first; 0 means "not a binary operator".
export const PREC_OROR = 1;
export const PREC_ANDAND = 2;
export const PREC_CMP = 3;
export const PREC_ADD = 4;
export const PREC_MUL = 5;

export interface Position {
  line: number;
  col: number;
  offset: number;
}
