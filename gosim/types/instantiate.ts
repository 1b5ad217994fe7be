// Generic library types. lib/decls.ts declares generic types such as iter.Seq[V any]; each
// use with type arguments (`iter.Seq[int]`, or `iter.Seq[K]` inside a generic signature) is an
// instance made here by substituting the arguments into the underlying type, one Named per
// distinct argument list so that identical instances are the same object. Methods declared on
// a generic receiver (atomic.Pointer[T]'s Load, ...) are instantiated with the type; their
// natives are keyed like other methods: 'atomic.Pointer.Load'.
import {
  Chan, Field, Func, GoArray, GoMap, Named, Pointer, Signature, Slice, Struct, Tuple, Var,
  type Type, type TypeParam,
} from './types.ts';
import { identical } from './predicates.ts';

const genericInstances = new WeakMap<Named, Named[]>();
const maxInstances = 64;

/** gen[args...] for a generic library type gen (the caller checked the argument count). */
export function instantiate(gen: Named, args: readonly Type[]): Named {
  let list = genericInstances.get(gen);
  if (!list) genericInstances.set(gen, (list = []));
  const prev = list.find((n) => n.typeArgs.every((t, i) => identical(t, args[i]!)));
  if (prev) return prev;
  const named = new Named(gen.obj, gen.pkg);
  named.orig = gen;
  named.typeArgs = args;
  // Registered before substituting, so a type that mentions itself finds this instance. The
  // library's types outlive each run while a program's types do not: the oldest instances are
  // forgotten (identical() still equates instances by their arguments, not by object).
  list.push(named);
  if (list.length > maxInstances) list.shift();
  const subst = new Map(gen.typeParams.map((tp, i) => [tp, args[i]!]));
  named.underlying = substitute(gen.underlying, subst);
  // Methods declared on the generic type (func (x *Pointer[T]) Load() *T) get the instance as
  // receiver and the arguments in their signatures; their natives are keyed by the type's name.
  for (const m of gen.methods) {
    const sig = substitute(m.type, subst) as Signature;
    const r = m.type.recv;
    const recv = r && new Var(r.name, r.type.tag === 'Pointer' ? new Pointer(named) : named, r.pos, r.pkg, false, true);
    const f = new Func(m.name, new Signature(sig.params, sig.results, sig.variadic, recv), m.pos, m.pkg, m.decl);
    f.fullName = m.fullName;
    named.methods.push(f);
  }
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
