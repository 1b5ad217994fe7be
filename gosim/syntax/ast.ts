// The syntax tree of a Go source file, shaped after Go's own go/ast package.
// Every node records where it starts (`pos`) so errors and tracebacks can name line and column.
// The parser builds these; the checker annotates them through `types/info.ts` (never by
// mutating the nodes' syntax fields), and the compiler reads both.

export interface Pos {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in bytes like Go's compiler. */
  col: number;
  /** 0-based byte offset in the UTF-8 source. */
  offset: number;
}

interface NodeBase {
  pos: Pos;
  /** Position just past the node's last character. */
  end: Pos;
  /** Unique id within one parse, handy as a map key and for the compiler's caches. */
  id: number;
}

// ---------------------------------------------------------------- expressions

export interface Ident extends NodeBase { kind: 'Ident'; name: string }
export interface BasicLit extends NodeBase {
  kind: 'BasicLit';
  litKind: 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING';
  /** The literal exactly as written in the source, quotes and prefixes included. */
  raw: string;
}
export interface CompositeLit extends NodeBase {
  kind: 'CompositeLit';
  /** Null for an elided type inside an outer composite literal (`[]T{{1}, {2}}`). */
  type: Expr | null;
  elts: Expr[];
  lbrace: Pos;
}
export interface FuncLit extends NodeBase { kind: 'FuncLit'; type: FuncType; body: BlockStmt }
export interface ParenExpr extends NodeBase { kind: 'ParenExpr'; x: Expr }
export interface SelectorExpr extends NodeBase { kind: 'SelectorExpr'; x: Expr; sel: Ident }
export interface IndexExpr extends NodeBase { kind: 'IndexExpr'; x: Expr; index: Expr }
/** `x[a, b]`: only instantiation of generic library functions, e.g. `slices.Max[[]int]`. */
export interface IndexListExpr extends NodeBase { kind: 'IndexListExpr'; x: Expr; indices: Expr[] }
export interface SliceExpr extends NodeBase {
  kind: 'SliceExpr';
  x: Expr;
  low: Expr | null;
  high: Expr | null;
  max: Expr | null;
  slice3: boolean;
}
/** `x.(T)`; `type` is null for the `x.(type)` of a type switch. */
export interface TypeAssertExpr extends NodeBase { kind: 'TypeAssertExpr'; x: Expr; type: Expr | null }
export interface CallExpr extends NodeBase {
  kind: 'CallExpr';
  fun: Expr;
  args: Expr[];
  /** Position of `...` when the last argument is spread (`f(xs...)`), else null. */
  ellipsis: Pos | null;
  lparen: Pos;
}
/** `*x`: a dereference, or a pointer type in type position. */
export interface StarExpr extends NodeBase { kind: 'StarExpr'; x: Expr }
export type UnaryOp = '+' | '-' | '!' | '^' | '&' | '<-' | '~';
export interface UnaryExpr extends NodeBase { kind: 'UnaryExpr'; op: UnaryOp; x: Expr }
export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '&^'
  | '&&' | '||' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export interface BinaryExpr extends NodeBase { kind: 'BinaryExpr'; op: BinaryOp; x: Expr; y: Expr; opPos: Pos }
/** `key: value` inside a composite literal. */
export interface KeyValueExpr extends NodeBase { kind: 'KeyValueExpr'; key: Expr; value: Expr }

// ---------------------------------------------------------------- types (in expression position)

export interface ArrayType extends NodeBase {
  kind: 'ArrayType';
  /** null for a slice type; an `Ellipsis` node for `[...]T`. */
  len: Expr | null;
  elt: Expr;
}
export interface Ellipsis extends NodeBase { kind: 'Ellipsis'; elt: Expr | null }
export interface Field extends NodeBase {
  kind: 'Field';
  /** Empty for an anonymous parameter or an embedded struct field. */
  names: Ident[];
  type: Expr;
  /** Struct tag literal, if any. */
  tag: BasicLit | null;
}
export interface FieldList extends NodeBase { kind: 'FieldList'; list: Field[] }
export interface StructType extends NodeBase { kind: 'StructType'; fields: FieldList }
export interface FuncType extends NodeBase {
  kind: 'FuncType';
  /** `[S ~[]E, E cmp.Ordered]`: only in gosim's own library declarations (user generics are out of scope). */
  typeParams: FieldList | null;
  params: FieldList;
  /** null when the function returns nothing. */
  results: FieldList | null;
}
/** Interface methods are Fields whose type is a FuncType; embedded interfaces have no names. */
export interface InterfaceType extends NodeBase { kind: 'InterfaceType'; methods: FieldList }
export interface MapType extends NodeBase { kind: 'MapType'; key: Expr; value: Expr }
export type ChanDir = 'both' | 'send' | 'recv';
export interface ChanType extends NodeBase { kind: 'ChanType'; dir: ChanDir; value: Expr }

export type Expr =
  | Ident | BasicLit | CompositeLit | FuncLit | ParenExpr | SelectorExpr | IndexExpr | IndexListExpr
  | SliceExpr | TypeAssertExpr | CallExpr | StarExpr | UnaryExpr | BinaryExpr | KeyValueExpr
  | ArrayType | Ellipsis | StructType | FuncType | InterfaceType | MapType | ChanType
  | BadExpr;
// In a constraint, `~T` is a UnaryExpr-like node and `A | B` a BinaryExpr with op '|'.
export interface BadExpr extends NodeBase { kind: 'BadExpr' }

// ---------------------------------------------------------------- statements

export interface DeclStmt extends NodeBase { kind: 'DeclStmt'; decl: GenDecl }
export interface EmptyStmt extends NodeBase { kind: 'EmptyStmt'; implicit: boolean }
export interface LabeledStmt extends NodeBase { kind: 'LabeledStmt'; label: Ident; stmt: Stmt }
export interface ExprStmt extends NodeBase { kind: 'ExprStmt'; x: Expr }
export interface SendStmt extends NodeBase { kind: 'SendStmt'; chan: Expr; value: Expr; arrow: Pos }
export interface IncDecStmt extends NodeBase { kind: 'IncDecStmt'; x: Expr; inc: boolean }
export type AssignOp =
  | '=' | ':=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^=';
export interface AssignStmt extends NodeBase { kind: 'AssignStmt'; lhs: Expr[]; op: AssignOp; rhs: Expr[]; opPos: Pos }
export interface GoStmt extends NodeBase { kind: 'GoStmt'; call: CallExpr }
export interface DeferStmt extends NodeBase { kind: 'DeferStmt'; call: CallExpr }
export interface ReturnStmt extends NodeBase { kind: 'ReturnStmt'; results: Expr[] }
export interface BranchStmt extends NodeBase {
  kind: 'BranchStmt';
  tok: 'break' | 'continue' | 'goto' | 'fallthrough';
  label: Ident | null;
}
export interface BlockStmt extends NodeBase { kind: 'BlockStmt'; list: Stmt[]; rbrace: Pos }
export interface IfStmt extends NodeBase {
  kind: 'IfStmt';
  init: Stmt | null;
  cond: Expr;
  body: BlockStmt;
  /** null, another IfStmt (else if) or a BlockStmt. */
  else_: Stmt | null;
}
/** One `case a, b:` or `default:` clause; `list` is empty for default. */
export interface CaseClause extends NodeBase { kind: 'CaseClause'; list: Expr[]; body: Stmt[]; colon: Pos }
export interface SwitchStmt extends NodeBase {
  kind: 'SwitchStmt';
  init: Stmt | null;
  /** null for a tagless switch (`switch { ... }`). */
  tag: Expr | null;
  body: CaseClause[];
}
export interface TypeSwitchStmt extends NodeBase {
  kind: 'TypeSwitchStmt';
  init: Stmt | null;
  /** `v := x.(type)` (an AssignStmt with op ':=') or `x.(type)` (an ExprStmt). */
  assign: AssignStmt | ExprStmt;
  /** Case lists hold types; `nil` appears as an Ident. */
  body: CaseClause[];
}
/** One select case: `comm` is a SendStmt, an ExprStmt `<-ch`, an AssignStmt `v[, ok] = / := <-ch`, or null for default. */
export interface CommClause extends NodeBase { kind: 'CommClause'; comm: Stmt | null; body: Stmt[]; colon: Pos }
export interface SelectStmt extends NodeBase { kind: 'SelectStmt'; body: CommClause[] }
export interface ForStmt extends NodeBase {
  kind: 'ForStmt';
  init: Stmt | null;
  cond: Expr | null;
  post: Stmt | null;
  body: BlockStmt;
}
export interface RangeStmt extends NodeBase {
  kind: 'RangeStmt';
  key: Expr | null;
  value: Expr | null;
  /** ':=' declares new per-iteration variables, '=' assigns existing ones, null for `for range x`. */
  tok: ':=' | '=' | null;
  x: Expr;
  body: BlockStmt;
}

export type Stmt =
  | DeclStmt | EmptyStmt | LabeledStmt | ExprStmt | SendStmt | IncDecStmt | AssignStmt | GoStmt
  | DeferStmt | ReturnStmt | BranchStmt | BlockStmt | IfStmt | CaseClause | SwitchStmt | TypeSwitchStmt
  | CommClause | SelectStmt | ForStmt | RangeStmt | BadStmt;
export interface BadStmt extends NodeBase { kind: 'BadStmt' }

// ---------------------------------------------------------------- declarations

export interface ImportSpec extends NodeBase { kind: 'ImportSpec'; name: Ident | null; path: BasicLit }
export interface ValueSpec extends NodeBase {
  kind: 'ValueSpec';
  names: Ident[];
  type: Expr | null;
  values: Expr[];
  /** For const specs: index of the spec within its group, the value of `iota`. */
  iota: number;
}
export interface TypeSpec extends NodeBase {
  kind: 'TypeSpec';
  name: Ident;
  /** `type Pair[K comparable, V any] ...`: the type parameters of a generic type, else null. */
  typeParams: FieldList | null;
  /** `type A = B` declares an alias. */
  assign: boolean;
  type: Expr;
}
export type Spec = ImportSpec | ValueSpec | TypeSpec;
export interface GenDecl extends NodeBase {
  kind: 'GenDecl';
  tok: 'import' | 'const' | 'type' | 'var';
  specs: Spec[];
}
export interface FuncDecl extends NodeBase {
  kind: 'FuncDecl';
  /** Receiver list for methods (exactly one field), else null. */
  recv: FieldList | null;
  name: Ident;
  type: FuncType;
  /** null for a declaration without body (only in gosim's own library declarations). */
  body: BlockStmt | null;
}
export type Decl = GenDecl | FuncDecl | BadDecl;
export interface BadDecl extends NodeBase { kind: 'BadDecl' }

export interface File extends NodeBase {
  kind: 'File';
  /** The file name used in messages and tracebacks, e.g. "prog.go". */
  filename: string;
  packageName: Ident;
  imports: ImportSpec[];
  decls: Decl[];
}

export type Node = Expr | Stmt | Spec | Decl | Field | FieldList | File;

/** A syntax or semantic error, reported like Go's compiler: `./prog.go:L:C: message`. */
export interface SourceError {
  pos: Pos;
  message: string;
}
