// Package sync/atomic (exports `pkg`): the Add/Load/Store/Swap/CompareAndSwap functions and the
// Int32/Int64/Uint32/Uint64/Bool/Value/Pointer[T] types. gosim runs one goroutine at a time and never
// preempts inside a native, so each operation is atomic by construction; what matters is Go's
// wrap-around arithmetic and Value's type rules.
import type { Native, NativeCtx, NativePackage } from '../runtime/native.ts';
import { wrapInt, type GoInt, type Iface, type Pointer } from '../runtime/values.ts';
import { identical } from '../types/predicates.ts';
import { ifacesEqual, pointersEqual, stringValue } from './errors.ts';

type Kind = 'Int32' | 'Int64' | 'Uint32' | 'Uint64';

const wrap: Record<Kind, (v: GoInt) => GoInt> = {
  Int32: (v) => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v | 0),
  Uint32: (v) => (typeof v === 'bigint' ? Number(BigInt.asUintN(32, v)) : v >>> 0),
  Int64: (v) => wrapInt(BigInt(v), 64, true),
  Uint64: (v) => wrapInt(BigInt(v), 64, false),
};

function add(kind: Kind, a: GoInt, b: GoInt): GoInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return kind === 'Int32' || kind === 'Uint32' ? wrap[kind](s) : (kind === 'Uint64' && s < 0 ? wrap.Uint64(s) : s);
  }
  return wrap[kind](BigInt(a) + BigInt(b));
}

/** A Go integer variable: a plain *intN, or field `v` of an atomic.IntN struct. */
interface Cell { get(): GoInt; set(v: GoInt): void }

const ptrCell = (p: Pointer<GoInt>): Cell => ({ get: () => p.load(), set: (v) => p.store(v) });
/** atomic.Int32 and friends are struct { _ noCopy; v T }: the value is field 1. */
const fieldCell = (p: Pointer<unknown[]>, i = 1): Cell => {
  const s = p.load();
  return { get: () => s[i] as GoInt, set: (v) => { s[i] = v; } };
};

function nilCheck(ctx: NativeCtx, p: Pointer | null): asserts p is Pointer {
  if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
}

function ops(kind: Kind) {
  return {
    add: (c: Cell, delta: GoInt) => { const v = add(kind, c.get(), delta); c.set(v); return v; },
    load: (c: Cell) => c.get(),
    store: (c: Cell, v: GoInt) => { c.set(v); },
    swap: (c: Cell, v: GoInt) => { const old = c.get(); c.set(v); return old; },
    cas: (c: Cell, old: GoInt, v: GoInt) => { if (c.get() !== old) return false; c.set(v); return true; },
    and: (c: Cell, m: GoInt) => { const old = c.get(); c.set(wrap[kind](BigInt(old) & BigInt(m))); return old; },
    or: (c: Cell, m: GoInt) => { const old = c.get(); c.set(wrap[kind](BigInt(old) | BigInt(m))); return old; },
  };
}

const natives: Record<string, Native> = {};

for (const kind of ['Int32', 'Int64', 'Uint32', 'Uint64'] as const) {
  const o = ops(kind);
  const fn = (name: string, f: (c: Cell, ...a: GoInt[]) => unknown) => {
    natives[`atomic.${name}${kind}`] = (ctx: NativeCtx, p: Pointer<GoInt> | null, ...a: GoInt[]) => {
      nilCheck(ctx, p);
      return f(ptrCell(p), ...a);
    };
  };
  fn('Add', (c, d) => o.add(c, d!));
  fn('Load', (c) => o.load(c));
  fn('Store', (c, v) => o.store(c, v!));
  fn('Swap', (c, v) => o.swap(c, v!));
  fn('CompareAndSwap', (c, old, v) => o.cas(c, old!, v!));

  const method = (name: string, f: (c: Cell, ...a: GoInt[]) => unknown) => {
    natives[`atomic.${kind}.${name}`] = (ctx: NativeCtx, p: Pointer<unknown[]> | null, ...a: GoInt[]) => {
      nilCheck(ctx, p);
      return f(fieldCell(p), ...a);
    };
  };
  method('Add', (c, d) => o.add(c, d!));
  method('Load', (c) => o.load(c));
  method('Store', (c, v) => o.store(c, v!));
  method('Swap', (c, v) => o.swap(c, v!));
  method('CompareAndSwap', (c, old, v) => o.cas(c, old!, v!));
  method('And', (c, m) => o.and(c, m!));
  method('Or', (c, m) => o.or(c, m!));
}

// atomic.Bool keeps a uint32 (decls.ts), 1 for true.
const boolField = (p: Pointer<unknown[]>) => p.load();
Object.assign(natives, {
  'atomic.Bool.Load': (_c: NativeCtx, p: Pointer<unknown[]>) => boolField(p)[1] === 1,
  'atomic.Bool.Store': (_c: NativeCtx, p: Pointer<unknown[]>, v: boolean) => { boolField(p)[1] = v ? 1 : 0; },
  'atomic.Bool.Swap': (_c: NativeCtx, p: Pointer<unknown[]>, v: boolean) => {
    const s = boolField(p), old = s[1] === 1;
    s[1] = v ? 1 : 0;
    return old;
  },
  'atomic.Bool.CompareAndSwap': (_c: NativeCtx, p: Pointer<unknown[]>, old: boolean, v: boolean) => {
    const s = boolField(p);
    if ((s[1] === 1) !== old) return false;
    s[1] = v ? 1 : 0;
    return true;
  },
} satisfies Record<string, Native>);

// atomic.Value is struct { v any }: field 0 holds the stored interface value or nil.
function valueStore(ctx: NativeCtx, p: Pointer<unknown[]>, v: Iface | null, what: 'store' | 'swap'): Iface | null {
  if (v === null) ctx.panic(stringValue(`sync/atomic: ${what} of nil value into Value`));
  const s = p.load();
  const cur = s[0] as Iface | null;
  if (cur !== null && !identical(cur.t, v.t)) {
    ctx.panic(stringValue(`sync/atomic: ${what} of inconsistently typed value into Value`));
  }
  s[0] = v;
  return cur;
}

Object.assign(natives, {
  'atomic.Value.Load': (_c: NativeCtx, p: Pointer<unknown[]>) => p.load()[0] ?? null,
  'atomic.Value.Store': (ctx: NativeCtx, p: Pointer<unknown[]>, v: Iface | null) => { valueStore(ctx, p, v, 'store'); },
  'atomic.Value.Swap': (ctx: NativeCtx, p: Pointer<unknown[]>, v: Iface | null) => valueStore(ctx, p, v, 'swap'),
  'atomic.Value.CompareAndSwap': (ctx: NativeCtx, p: Pointer<unknown[]>, old: Iface | null, v: Iface | null) => {
    if (v === null) ctx.panic(stringValue('sync/atomic: compare and swap of nil value into Value'));
    if (old !== null && !identical(old.t, v.t)) ctx.panic(stringValue('sync/atomic: compare and swap of inconsistently typed values'));
    const s = p.load();
    const cur = s[0] as Iface | null;
    if (cur === null) {
      if (old !== null) return false;
      s[0] = v;
      return true;
    }
    if (!identical(cur.t, v.t)) ctx.panic(stringValue('sync/atomic: compare and swap of inconsistently typed value into Value'));
    if (!ifacesEqual(cur, old)) return false;
    s[0] = v;
    return true;
  },
} satisfies Record<string, Native>);

// atomic.Pointer[T] is struct { _ noCopy; v *T } (types/instantiate.ts): field 1 holds the
// pointer or nil, for every T alike, so one set of natives serves all instances.
const ptrField = (ctx: NativeCtx, p: Pointer<unknown[]> | null): unknown[] => {
  nilCheck(ctx, p);
  return p.load();
};
type P = Pointer | null;
Object.assign(natives, {
  'atomic.Pointer.Load': (ctx: NativeCtx, p: Pointer<unknown[]> | null) => (ptrField(ctx, p)[1] as P) ?? null,
  'atomic.Pointer.Store': (ctx: NativeCtx, p: Pointer<unknown[]> | null, v: P) => { ptrField(ctx, p)[1] = v; },
  'atomic.Pointer.Swap': (ctx: NativeCtx, p: Pointer<unknown[]> | null, v: P) => {
    const s = ptrField(ctx, p), old = (s[1] as P) ?? null;
    s[1] = v;
    return old;
  },
  'atomic.Pointer.CompareAndSwap': (ctx: NativeCtx, p: Pointer<unknown[]> | null, old: P, v: P) => {
    const s = ptrField(ctx, p);
    if (!pointersEqual((s[1] as P) ?? null, old)) return false;
    s[1] = v;
    return true;
  },
} satisfies Record<string, Native>);

export const pkg: NativePackage = { path: 'sync/atomic', natives };
