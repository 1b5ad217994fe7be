// Go's types as the checker computes them, shaped after go/types. The checker (types/check*.ts)
// creates them; the compiler and the runtime read them, e.g. to wrap integers, to print values
// with fmt, to compare interface values or to name a type in a panic message.
import type * as ast from '../syntax/ast.ts';

export type BasicKind =
  | 'bool' | 'string'
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64' | 'complex64' | 'complex128'
  | 'unsafe.Pointer'
  // the types of untyped constants and of nil
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float' | 'untyped complex'
  | 'untyped string' | 'untyped nil'
  | 'invalid';

export type Type =
  | Basic | Pointer | Slice | GoArray | GoMap | Chan | Struct | Signature | Interface | Named | Tuple | TypeParam;

export class Basic {
  readonly tag = 'Basic' as const;
  /** `byte` and `rune` are aliases: same kind as uint8/int32, but remembered for messages. */
  constructor(readonly kind: BasicKind, readonly name: string = kind) {}
}
export class Pointer { readonly tag = 'Pointer' as const; constructor(readonly elem: Type) {} }
export class Slice { readonly tag = 'Slice' as const; constructor(readonly elem: Type) {} }
export class GoArray { readonly tag = 'Array' as const; constructor(readonly elem: Type, readonly len: number) {} }
export class GoMap { readonly tag = 'Map' as const; constructor(readonly key: Type, readonly elem: Type) {} }
export class Chan {
  readonly tag = 'Chan' as const;
  constructor(readonly dir: ast.ChanDir, readonly elem: Type) {}
}
export class Field {
  constructor(
    readonly name: string,
    readonly type: Type,
    /** Embedded field: its name is the type's name. */
    readonly embedded: boolean,
    readonly pkg: string | null = 'main',
  ) {}
}
export class Struct { readonly tag = 'Struct' as const; constructor(readonly fields: readonly Field[]) {} }
export class Tuple { readonly tag = 'Tuple' as const; constructor(readonly vars: readonly Var[]) {} }
export class Signature {
  readonly tag = 'Signature' as const;
  constructor(
    readonly params: Tuple,
    readonly results: Tuple,
    /** The last parameter is `...T`; its type in `params` is then []T. */
    readonly variadic: boolean,
    /** Set for methods. */
    readonly recv: Var | null = null,
    /** Type parameters, only for gosim's generic library functions (slices, maps, ...). */
    readonly typeParams: readonly TypeParam[] = [],
  ) {}
}
export class Interface {
  readonly tag = 'Interface' as const;
  constructor(
    /** Explicitly declared methods. */
    readonly methods: readonly Func[],
    /** Embedded interfaces (and, for constraints only, other types). */
    readonly embeddeds: readonly Type[],
  ) {}
  /** Full method set, sorted by name, filled in by the checker once embeddeds are resolved. */
  allMethods: Func[] = [];
}
export class Named {
  readonly tag = 'Named' as const;
  /** The underlying type; set after construction because named types may refer to themselves. */
  underlying: Type = new Basic('invalid');
  /** Methods declared on this type (value and pointer receivers both). */
  readonly methods: Func[] = [];
  /**
   * Type arguments of an instantiated generic library type (`atomic.Pointer[T]`, `iter.Seq[int]`),
   * printed after the name; empty for every other named type.
   */
  typeArgs: readonly Type[] = [];
  /** Type parameters of a generic library type as declared (`iter.Seq[V any]`); empty otherwise. */
  typeParams: readonly TypeParam[] = [];
  /** For an instance made by types/instantiate.ts, the generic type it instantiates. */
  orig: Named | null = null;
  constructor(
    readonly obj: TypeName,
    /** Package path: "main" for the program's types, "time" for time.Duration, "" for error. */
    readonly pkg: string,
  ) {}
  get name(): string { return this.obj.name; }
}
export class TypeParam {
  readonly tag = 'TypeParam' as const;
  constructor(readonly name: string, readonly constraint: Type, readonly index: number) {}
}

// ---------------------------------------------------------------- objects (what identifiers denote)

export type GoObject = Var | Const | TypeName | Func | PkgName | Builtin | Nil | Label;

interface ObjectBase {
  readonly name: string;
  /** Declaration site; null for predeclared and library objects. */
  readonly pos: ast.Pos | null;
  /** Package path ("main", "fmt", ...) or null for the universe. */
  readonly pkg: string | null;
}
export class Var implements ObjectBase {
  readonly tag = 'Var' as const;
  /** Set by the checker when the variable is used; drives "declared and not used". */
  used = false;
  /** Set by the compiler's escape analysis when a closure or `&` captures the variable. */
  captured = false;
  /**
   * Set by the compiler's escape analysis when the variable can change after its declaration
   * (assigned, incremented, a named result, its address taken). A captured variable that cannot
   * is captured by value: every holder would see the same value anyway.
   */
  mutable = false;
  constructor(
    readonly name: string,
    public type: Type,
    readonly pos: ast.Pos | null,
    readonly pkg: string | null,
    readonly isField = false,
    readonly isParam = false,
  ) {}
}
export class Const implements ObjectBase {
  readonly tag = 'Const' as const;
  constructor(
    readonly name: string,
    public type: Type,
    public value: ConstValue,
    readonly pos: ast.Pos | null,
    readonly pkg: string | null,
  ) {}
}
export class TypeName implements ObjectBase {
  readonly tag = 'TypeName' as const;
  constructor(readonly name: string, public type: Type, readonly pos: ast.Pos | null, readonly pkg: string | null) {}
}
export class Func implements ObjectBase {
  readonly tag = 'Func' as const;
  constructor(
    readonly name: string,
    public type: Signature,
    readonly pos: ast.Pos | null,
    readonly pkg: string | null,
    /** The declaration, for functions and methods of the program; null for library functions. */
    readonly decl: ast.FuncDecl | null = null,
  ) {}
  /** Name as Go's tracebacks print it: `main.worker`, `main.(*Counter).Inc`, `main.T.String`. */
  fullName = '';
}
export class PkgName implements ObjectBase {
  readonly tag = 'PkgName' as const;
  used = false;
  constructor(readonly name: string, readonly path: string, readonly pos: ast.Pos | null, readonly pkg: string | null) {}
}
export type BuiltinName =
  | 'append' | 'cap' | 'clear' | 'close' | 'complex' | 'copy' | 'delete' | 'imag' | 'len' | 'make'
  | 'max' | 'min' | 'new' | 'panic' | 'print' | 'println' | 'real' | 'recover';
export class Builtin implements ObjectBase {
  readonly tag = 'Builtin' as const;
  readonly pos = null;
  readonly pkg = null;
  constructor(readonly name: BuiltinName) {}
}
export class Nil implements ObjectBase {
  readonly tag = 'Nil' as const;
  readonly name = 'nil';
  readonly pos = null;
  readonly pkg = null;
}
export class Label implements ObjectBase {
  readonly tag = 'Label' as const;
  used = false;
  constructor(readonly name: string, readonly pos: ast.Pos | null, readonly pkg: string | null) {}
}

// ---------------------------------------------------------------- constants

/**
 * The exact value of a constant expression. Integers are bigint (Go constants are arbitrary
 * precision); floats are exact rationals num/den (den > 0, in lowest terms), so that untyped
 * arithmetic like 0.1 + 0.2 is exact as in Go, with `value` the rational correctly rounded to
 * float64 (±Infinity or 0 when out of range), which is what run-time code uses. Complex
 * constants are float64 pairs (gosim does not model exact complex constants).
 */
export type ConstValue =
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number; num: bigint; den: bigint }
  | { kind: 'complex'; re: number; im: number };

// ---------------------------------------------------------------- what the checker records

/** How an expression's value is obtained, as in go/types' TypeAndValue. */
export type Mode = 'novalue' | 'builtin' | 'typexpr' | 'constant' | 'variable' | 'mapindex' | 'value' | 'commaok';

export interface TypeAndValue {
  mode: Mode;
  /** The expression's type after implicit conversion (untyped constants get their final type). */
  type: Type;
  /** For constant expressions. */
  value?: ConstValue;
}

/** A resolved `x.f`: field (with the embedding path), method, or qualified package member. */
export interface Selection {
  kind: 'field' | 'method' | 'methodExpr';
  /** Field indices walked through embedded fields; the last one is the selected field. */
  path: number[];
  /** For methods: the method object; for fields: null. */
  method: Func | null;
  /** The receiver must be addressed (`&x`) or dereferenced (`*x`) implicitly. */
  indirect: boolean;
  addressOf: boolean;
}

export interface Info {
  /** Every expression the checker saw, keyed by node id. */
  types: Map<number, TypeAndValue>;
  /** Identifier that declares an object (node id -> object). */
  defs: Map<number, GoObject>;
  /** Identifier that uses an object (node id -> object). */
  uses: Map<number, GoObject>;
  /** Objects declared implicitly: the per-clause variable of a type switch case, keyed by CaseClause id. */
  implicits: Map<number, Var>;
  /** Selector expressions that select a field or method, keyed by SelectorExpr id. */
  selections: Map<number, Selection>;
  /** Instantiated generic library calls: CallExpr id -> type arguments. */
  instances: Map<number, Type[]>;
  /** Package-level variables in initialization order (Go's dependency order). */
  initOrder: { lhs: Var[]; rhs: ast.Expr }[];
}
