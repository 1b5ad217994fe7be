// Package errors (exports `pkg`): New, Is, As, Join, Unwrap with Go's semantics. Also the small
// value helpers the other concurrency natives share: allocating a Go variable behind a Pointer,
// copying and comparing values the way the compiled code does.
import type { Native, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { Iface, Pointer, SliceValue } from '../runtime/values.ts';
import { Pointer as PointerType, type Interface, type Signature, type Type } from '../types/types.ts';
import { comparable, identical, implementsIface, lookupFieldOrMethod, under } from '../types/predicates.ts';
import { errorType, Typ } from '../types/universe.ts';
import { POINTER, SLOT, alloc, arrayCost } from '../runtime/memory.ts';

// ---------------------------------------------------------------- shared value helpers

/**
 * A fresh Go variable holding v, as `new(T)` or `&T{...}` gives. For a struct the pointer's
 * load() returns the very StructValue (values.ts), so a store copies into it in place.
 */
export function newPointer<T>(v: T): Pointer<T> {
  // A new variable on the heap, as &T{...} makes one: counted against the program's memory.
  alloc(POINTER + (Array.isArray(v) ? arrayCost(v.length, SLOT) : 0));
  if (Array.isArray(v)) {
    const arr = v as unknown[];
    return {
      target: arr,
      load: () => v,
      store: (x: T) => { const src = x as unknown[]; for (let i = 0; i < src.length; i++) arr[i] = src[i]; },
    };
  }
  const box = { v };
  return { target: box, load: () => box.v, store: (x: T) => { box.v = x; } };
}

/** Go's assignment copy: arrays and structs deeply, never through pointers, slices, maps or channels. */
export function copyValue<T>(v: T): T {
  return (Array.isArray(v) ? v.map(copyValue) : v) as T;
}

export function pointersEqual(a: Pointer | null, b: Pointer | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return a.target === b.target && a.key === b.key;
}

/** x == y for two values of comparable type t (the caller checked comparability). */
export function valuesEqual(t: Type, x: unknown, y: unknown): boolean {
  const u = under(t);
  switch (u.tag) {
    case 'Basic':
      if (u.kind === 'complex64' || u.kind === 'complex128') {
        const a = x as { re: number; im: number }, b = y as { re: number; im: number };
        return a.re === b.re && a.im === b.im;
      }
      return x === y;
    case 'Pointer': return pointersEqual(x as Pointer | null, y as Pointer | null);
    case 'Interface': return ifacesEqual(x as Iface | null, y as Iface | null);
    case 'Struct': return u.fields.every((f, i) => valuesEqual(f.type, (x as unknown[])[i], (y as unknown[])[i]));
    case 'Array': return (x as unknown[]).every((e, i) => valuesEqual(u.elem, e, (y as unknown[])[i]));
    default: return x === y;
  }
}

/** Interface comparison; false (rather than Go's panic) when the dynamic type is not comparable. */
export function ifacesEqual(a: Iface | null, b: Iface | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  if (!identical(a.t, b.t) || !comparable(a.t)) return false;
  return valuesEqual(a.t, a.v, b.v);
}

/** A method's signature in the method set of dynamic type t, or null. */
export function methodSignature(t: Type, name: string): Signature | null {
  const r = lookupFieldOrMethod(t, false, null, name);
  if (r.kind !== 'method' || !r.method) return null;
  // A pointer-receiver method is not in a value type's method set.
  const recv = r.method.type.recv;
  if (t.tag !== 'Pointer' && recv && recv.type.tag === 'Pointer' && !r.indirect) return null;
  return r.method.type;
}

const ptrTypes = new WeakMap<Type, PointerType>();
/** *T for a named type, one object per T so that interface values built here compare cheaply. */
export function pointerTo(t: Type): PointerType {
  let p = ptrTypes.get(t);
  if (!p) { p = new PointerType(t); ptrTypes.set(t, p); }
  return p;
}

export function stringValue(s: string): Iface {
  return { t: Typ.string, v: s };
}

// ---------------------------------------------------------------- errors

/** errors.New(text): a fresh *errors.errorString, so two calls never compare equal. */
export function newError(ctx: NativeCtx, text: string): Iface {
  return { t: pointerTo(ctx.typeOf('errors.errorString')), v: newPointer([text]) };
}

type UnwrapKind = 'one' | 'many' | null;

function unwrapKind(t: Type): UnwrapKind {
  const sig = methodSignature(t, 'Unwrap');
  if (!sig || sig.params.vars.length !== 0 || sig.results.vars.length !== 1) return null;
  const r = sig.results.vars[0]!.type;
  if (r === errorType) return 'one';
  if (r.tag === 'Slice' && r.elem === errorType) return 'many';
  return null;
}

function sliceItems<T>(s: SliceValue<T> | null): T[] {
  return s ? s.arr.slice(s.off, s.off + s.len) : [];
}

function* callErr(ctx: NativeCtx, err: Iface, name: string, ...args: unknown[]): Generator<unknown, unknown, unknown> {
  const m = ctx.method(err, name);
  if (!m) return undefined;
  return yield* m(...args);
}

function* is(ctx: NativeCtx, err: Iface | null, target: Iface, targetComparable: boolean): Generator<unknown, boolean, unknown> {
  for (;;) {
    if (err === null) return false;
    if (targetComparable && ifacesEqual(err, target)) return true;
    const isSig = methodSignature(err.t, 'Is');
    if (isSig && isSig.params.vars.length === 1 && isSig.params.vars[0]!.type === errorType
      && isSig.results.vars.length === 1 && under(isSig.results.vars[0]!.type) === Typ.bool) {
      if ((yield* callErr(ctx, err, 'Is', target)) === true) return true;
    }
    const k = unwrapKind(err.t);
    if (k === 'one') {
      err = (yield* callErr(ctx, err, 'Unwrap')) as Iface | null;
    } else if (k === 'many') {
      for (const e of sliceItems((yield* callErr(ctx, err, 'Unwrap')) as SliceValue<Iface | null> | null)) {
        if (yield* is(ctx, e, target, targetComparable)) return true;
      }
      return false;
    } else {
      return false;
    }
  }
}

function* as(ctx: NativeCtx, err: Iface | null, target: Pointer, targetType: Type): Generator<unknown, boolean, unknown> {
  const tu = under(targetType);
  for (;;) {
    if (err === null) return false;
    if (tu.tag === 'Interface' ? implementsIface(err.t, tu) : identical(err.t, targetType)) {
      target.store(tu.tag === 'Interface' ? err : copyValue(err.v));
      return true;
    }
    const asSig = methodSignature(err.t, 'As');
    if (asSig && asSig.params.vars.length === 1 && asSig.results.vars.length === 1) {
      const targetIface: Iface = { t: pointerTo(targetType), v: target };
      if ((yield* callErr(ctx, err, 'As', targetIface)) === true) return true;
    }
    const k = unwrapKind(err.t);
    if (k === 'one') {
      err = (yield* callErr(ctx, err, 'Unwrap')) as Iface | null;
    } else if (k === 'many') {
      for (const e of sliceItems((yield* callErr(ctx, err, 'Unwrap')) as SliceValue<Iface | null> | null)) {
        if (yield* as(ctx, e, target, targetType)) return true;
      }
      return false;
    } else {
      return false;
    }
  }
}

function* errorText(ctx: NativeCtx, err: Iface): Generator<unknown, string, unknown> {
  return (yield* callErr(ctx, err, 'Error')) as string;
}

const natives: Record<string, Native> = {
  'errors.New': (ctx: NativeCtx, text: string) => newError(ctx, text),

  'errors.errorString.Error': (ctx: NativeCtx, e: Pointer<unknown[]> | null) => {
    if (e === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
    return e.load()[0];
  },

  'errors.Is': function* (ctx: NativeCtx, err: Iface | null, target: Iface | null) {
    if (err === null || target === null) return err === target;
    return yield* is(ctx, err, target, comparable(target.t));
  },

  'errors.As': function* (ctx: NativeCtx, err: Iface | null, target: Iface | null) {
    if (target === null) ctx.panic(stringValue('errors: target cannot be nil'));
    const tt = target.t;
    if (under(tt).tag !== 'Pointer' || target.v === null) ctx.panic(stringValue('errors: target must be a non-nil pointer'));
    const elem = (under(tt) as PointerType).elem;
    if (under(elem).tag !== 'Interface' && !implementsIface(elem, under(errorType) as Interface)) {
      ctx.panic(stringValue('errors: *target must be interface or implement error'));
    }
    return yield* as(ctx, err, target.v as Pointer, elem);
  },

  'errors.Unwrap': function* (ctx: NativeCtx, err: Iface | null) {
    if (err === null || unwrapKind(err.t) !== 'one') return null;
    return yield* callErr(ctx, err, 'Unwrap');
  },

  'errors.Join': (ctx: NativeCtx, errs: SliceValue<Iface | null> | null) => {
    const kept = sliceItems(errs).filter((e): e is Iface => e !== null);
    if (kept.length === 0) return null;
    const slice: SliceValue<Iface | null> = { arr: kept, off: 0, len: kept.length, cap: kept.length };
    return { t: pointerTo(ctx.typeOf('errors.joinError')), v: newPointer([slice]) } satisfies Iface;
  },

  'errors.joinError.Error': function* (ctx: NativeCtx, e: Pointer<unknown[]>) {
    const parts: string[] = [];
    for (const x of sliceItems(e.load()[0] as SliceValue<Iface>)) parts.push(yield* errorText(ctx, x));
    return parts.join('\n');
  },

  'errors.joinError.Unwrap': (_ctx: NativeCtx, e: Pointer<unknown[]>) => e.load()[0],

  'errors.ErrUnsupported': (ctx: NativeCtx) => newError(ctx, 'unsupported operation'),
};


export const pkg: NativePackage = { path: 'errors', natives };
