// Generic library types. lib/decls.ts declares generic types such as iter.Seq[V any]; each
// use with type arguments (`iter.Seq[int]`, or `iter.Seq[K]` inside a generic signature) is an
// instance made here by substituting the arguments into the underlying type, one Named per
// distinct argument list so that identical instances are the same object. sync/atomic's
// Pointer[T] has methods on a generic receiver, which decls.ts cannot write, so it is built
// here whole. Natives are keyed like other methods: 'atomic.Pointer.Load'.
import {
  Chan, Field, Func, GoArray, GoMap, Named, Pointer, Signature, Slice, Struct, Tuple, TypeName, Var,
  type Type, type TypeParam,
} from './types.ts';
import { identical } from './predicates.ts';
import { loadLibrary } from './check.ts';

const genericInstances = new WeakMap<Named, Named[]>();

/** gen[args...] for a generic library type gen (the caller checked the argument count). */
export function instantiate(gen: Named, args: readonly Type[]): Named {
  let list = genericInstances.get(gen);
  if (!list) genericInstances.set(gen, (list = []));
  const prev = list.find((n) => n.typeArgs.every((t, i) => identical(t, args[i]!)));
  if (prev) return prev;
  const named = new Named(gen.obj, gen.pkg);
  named.orig = gen;
  named.typeArgs = args;
  // Registered before substituting, so a type that mentions itself finds this instance.
  list.push(named);
  named.underlying = substitute(gen.underlying, new Map(gen.typeParams.map((tp, i) => [tp, args[i]!])));
  return named;
}

/** t with type parameters replaced; parameter names are kept (`yield` in iter.Seq's func). */
export function substitute(t: Type, subst: ReadonlyMap<TypeParam, Type>): Type {
  const sv = (v: Var, isParam: boolean) => new Var(v.name, substitute(v.type, subst), v.pos, v.pkg, false, isParam);
  switch (t.tag) {
    case 'TypeParam': return subst.get(t) ?? t;
    case 'Slice': return new Slice(substitute(t.elem, subst));
    case 'Pointer': return new Pointer(substitute(t.elem, subst));
    case 'Array': return new GoArray(substitute(t.elem, subst), t.len);
    case 'Chan': return new Chan(t.dir, substitute(t.elem, subst));
    case 'Map': return new GoMap(substitute(t.key, subst), substitute(t.elem, subst));
    case 'Struct': return new Struct(t.fields.map((f) => new Field(f.name, substitute(f.type, subst), f.embedded, f.pkg)));
    case 'Signature':
      return new Signature(
        new Tuple(t.params.vars.map((v) => sv(v, true))),
        new Tuple(t.results.vars.map((v) => sv(v, false))),
        t.variadic, t.recv,
      );
    case 'Named':
      return t.orig ? instantiate(t.orig, t.typeArgs.map((a) => substitute(a, subst))) : t;
    default: return t;
  }
}

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
