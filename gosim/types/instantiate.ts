// Generic library types. gosim's AST cannot declare a generic type, so the one the lessons
// use, sync/atomic's Pointer[T], is built here with its real methods when a program writes
// `atomic.Pointer[T]`. Natives are keyed like other methods: 'atomic.Pointer.Load'.
import {
  Field, Func, Named, Pointer, Signature, Struct, Tuple, TypeName, Var,
  type Type,
} from './types.ts';
import { identical } from './predicates.ts';
import { loadLibrary } from './check.ts';

const instances: Named[] = [];

/** atomic.Pointer[elem], one Named per element type so that identical instances are identical. */
export function atomicPointer(elem: Type): Named {
  const prev = instances.find((n) => identical(n.typeArgs[0]!, elem));
  if (prev) return prev;
  const pkg = 'sync/atomic';
  const obj = new TypeName('Pointer', elem, null, pkg);
  const named = new Named(obj, pkg);
  obj.type = named;
  named.typeArgs = [elem];
  const lib = loadLibrary(pkg);
  const noCopy = lib?.scope.names.get('noCopy');
  const pt = new Pointer(elem);
  named.underlying = new Struct([
    new Field('_', noCopy && noCopy.tag === 'TypeName' ? noCopy.type : new Struct([]), false, pkg),
    new Field('v', pt, false, pkg),
  ]);
  const recv = new Var('x', new Pointer(named), null, pkg, false, true);
  const v = (name: string, t: Type) => new Var(name, t, null, pkg, false, true);
  const bool = lib?.scope.lookup('bool');
  const boolType = bool && bool.tag === 'TypeName' ? bool.type : elem;
  const method = (name: string, params: Var[], results: Var[]) => {
    const f = new Func(name, new Signature(new Tuple(params), new Tuple(results), false, recv), null, pkg);
    f.fullName = `sync/atomic.(*Pointer[...]).${name}`;
    named.methods.push(f);
  };
  method('Load', [], [v('', pt)]);
  method('Store', [v('val', pt)], []);
  method('Swap', [v('new', pt)], [v('old', pt)]);
  method('CompareAndSwap', [v('old', pt), v('new', pt)], [v('swapped', boolType)]);
  instances.push(named);
  return named;
}
