// The universe scope: predeclared types, constants, nil and the builtin functions, shared by
// every package (go/types' universe.go).
import {
  Basic, Builtin, Const, Func, Interface, Named, Nil, Signature, Tuple, TypeName, Var,
  type BasicKind, type BuiltinName, type GoObject, type Type,
} from './types.ts';

const basics = new Map<BasicKind, Basic>();
export function basic(kind: BasicKind): Basic {
  let b = basics.get(kind);
  if (!b) { b = new Basic(kind); basics.set(kind, b); }
  return b;
}

export const Typ = {
  invalid: basic('invalid'),
  bool: basic('bool'), string: basic('string'),
  int: basic('int'), int8: basic('int8'), int16: basic('int16'), int32: basic('int32'), int64: basic('int64'),
  uint: basic('uint'), uint8: basic('uint8'), uint16: basic('uint16'), uint32: basic('uint32'), uint64: basic('uint64'),
  uintptr: basic('uintptr'), float32: basic('float32'), float64: basic('float64'),
  complex64: basic('complex64'), complex128: basic('complex128'),
  untypedBool: basic('untyped bool'), untypedInt: basic('untyped int'), untypedRune: basic('untyped rune'),
  untypedFloat: basic('untyped float'), untypedComplex: basic('untyped complex'),
  untypedString: basic('untyped string'), untypedNil: basic('untyped nil'),
  unsafePointer: basic('unsafe.Pointer'),
} as const;

/** `byte` and `rune` are aliases, distinct objects only so that messages can say `byte`. */
export const byteType = new Basic('uint8', 'byte');
export const runeType = new Basic('int32', 'rune');

/** The empty interface, which `any` denotes. */
export const emptyInterface = new Interface([], []);

function makeError(): Named {
  const obj = new TypeName('error', emptyInterface, null, null);
  const named = new Named(obj, '');
  obj.type = named;
  const sig = new Signature(new Tuple([]), new Tuple([new Var('', Typ.string, null, null)]), false,
    new Var('', named, null, null));
  const m = new Func('Error', sig, null, null);
  const iface = new Interface([m], []);
  iface.allMethods = [m];
  named.underlying = iface;
  return named;
}
export const errorType = makeError();

/** `comparable`: an interface only usable as a constraint; recognized by identity. */
export const comparableType = (() => {
  const obj = new TypeName('comparable', emptyInterface, null, null);
  const named = new Named(obj, '');
  obj.type = named;
  named.underlying = new Interface([], []);
  return named;
})();

export const nilObj = new Nil();

const builtinNames: BuiltinName[] = [
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make',
  'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
];

export const universe = new Map<string, GoObject>();
for (const k of ['bool', 'string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16',
  'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128'] as const) {
  universe.set(k, new TypeName(k, Typ[k], null, null));
}
universe.set('byte', new TypeName('byte', byteType, null, null));
universe.set('rune', new TypeName('rune', runeType, null, null));
universe.set('any', new TypeName('any', emptyInterface, null, null));
universe.set('error', errorType.obj);
universe.set('comparable', comparableType.obj);
universe.set('true', new Const('true', Typ.untypedBool, { kind: 'bool', value: true }, null, null));
universe.set('false', new Const('false', Typ.untypedBool, { kind: 'bool', value: false }, null, null));
universe.set('iota', new Const('iota', Typ.untypedInt, { kind: 'int', value: 0n }, null, null));
universe.set('nil', nilObj);
for (const n of builtinNames) universe.set(n, new Builtin(n));

export function isAny(t: Type): boolean { return t === emptyInterface; }
