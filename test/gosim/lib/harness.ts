// A NativeCtx for calling library natives without the compiler: it binds the methods a test
// registers for its named types, turns panics into GoPanic like the runtime does, and collects
// stdout. It is a harness for driving the natives, not a stand-in for what they compute.
import type { GoFunc, NativeCtx, NativePackage } from '../../../gosim/runtime/native.ts';
import type { GoString, Iface, Pointer as PointerValue } from '../../../gosim/runtime/values.ts';
import {
  Basic, Field, Func, Interface, Named, Pointer, Signature, Struct, Tuple, TypeName, Var,
} from '../../../gosim/types/types.ts';
import type { BasicKind, Type } from '../../../gosim/types/types.ts';
import { GoPanic } from '../../../gosim/runtime/panic.ts';
import type { Scheduler } from '../../../gosim/runtime/scheduler.ts';

export const T = {
  bool: new Basic('bool'), string: new Basic('string'),
  int: new Basic('int'), int8: new Basic('int8'), int16: new Basic('int16'), int32: new Basic('int32'), int64: new Basic('int64'),
  uint: new Basic('uint'), uint8: new Basic('uint8'), uint16: new Basic('uint16'), uint32: new Basic('uint32'), uint64: new Basic('uint64'),
  uintptr: new Basic('uintptr'), rune: new Basic('int32', 'rune'), byte: new Basic('uint8', 'byte'),
  float32: new Basic('float32'), float64: new Basic('float64'), complex64: new Basic('complex64'), complex128: new Basic('complex128'),
  any: new Interface([], []),
};

export function basic(kind: BasicKind): Basic { return new Basic(kind); }

export function named(pkg: string, name: string, underlying: Type): Named {
  const tn = new TypeName(name, T.any, null, pkg);
  const n = new Named(tn, pkg);
  tn.type = n;
  n.underlying = underlying;
  return n;
}

export function struct(fields: [name: string, type: Type, embedded?: boolean][]): Struct {
  return new Struct(fields.map(([n, t, e]) => new Field(n, t, e ?? false)));
}

export function sig(params: Type[], results: Type[], variadic = false, recv: Type | null = null): Signature {
  const vars = (ts: Type[]) => new Tuple(ts.map((t) => new Var('', t, null, null)));
  return new Signature(vars(params), vars(results), variadic, recv ? new Var('', recv, null, null) : null);
}

type MethodImpl = (ctx: TestCtx, recv: unknown, ...args: unknown[]) => Generator<unknown, unknown, unknown>;

export class TestCtx implements NativeCtx {
  stdout = '';
  stderr = '';
  private impls = new Map<Named, Map<string, { ptr: boolean; fn: MethodImpl }>>();
  private types = new Map<string, Type>();
  private seed = 1;

  /** Declare method `name` on t (a `func() string`-shaped signature unless given) and its body. */
  addMethod(t: Named, name: string, ptrRecv: boolean, fn: MethodImpl, signature?: Signature): void {
    const s = signature ?? sig([], [T.string], false, ptrRecv ? new Pointer(t) : t);
    const withRecv = new Signature(s.params, s.results, s.variadic, new Var('', ptrRecv ? new Pointer(t) : t, null, null));
    t.methods.push(new Func(name, withRecv, null, t.pkg));
    let m = this.impls.get(t);
    if (!m) { m = new Map(); this.impls.set(t, m); }
    m.set(name, { ptr: ptrRecv, fn });
  }

  defineType(qualified: string, t: Type): void { this.types.set(qualified, t); }

  method(x: Iface, name: string): GoFunc | null {
    const isPtr = x.t.tag === 'Pointer';
    const base = x.t.tag === 'Pointer' ? x.t.elem : x.t;
    if (base.tag !== 'Named') return null;
    const m = this.impls.get(base)?.get(name);
    if (!m || (m.ptr && !isPtr)) return null;
    const ctx = this;
    if (!m.ptr && isPtr) {
      return function* (...args: unknown[]) {
        if (x.v === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
        return yield* m.fn(ctx, (x.v as PointerValue).load(), ...args);
      };
    }
    return function* (...args: unknown[]) { return yield* m.fn(ctx, x.v, ...args); };
  }

  panic(value: Iface | null): never { throw new GoPanic(value); }
  runtimeError(msg: string): never { throw new GoPanic({ t: T.string, v: 'runtime error: ' + msg }, true); }
  fatal(msg: string): never { throw new Error('fatal error: ' + msg); }
  typeOf(q: string): Type {
    const t = this.types.get(q);
    if (!t) throw new Error('test ctx: no type ' + q);
    return t;
  }
  random(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }
  /** The natives under test never block, so they must never reach for the scheduler. */
  get sched(): Scheduler { throw new Error('test ctx: library natives tested here must not use the scheduler'); }
  *call(f: GoFunc, ...args: unknown[]): Generator<unknown, unknown, unknown> { return yield* f(...args); }
  writeStdout(b: GoString): void { this.stdout += b; }
  writeStderr(b: GoString): void { this.stderr += b; }
}

/** Run a native to completion; the natives tested here never block, so any yield is a bug. */
export function run<R>(g: unknown): R {
  if (g && typeof (g as Generator).next === 'function') {
    const gen = g as Generator<unknown, unknown, unknown>;
    const r = gen.next();
    if (!r.done) throw new Error('native yielded: it tried to block');
    return r.value as R;
  }
  return g as R;
}

export function call<R>(pkg: NativePackage, name: string, ctx: NativeCtx, ...args: unknown[]): R {
  const fn = pkg.natives[name];
  if (!fn) throw new Error(`${pkg.path}: no native ${name}`);
  return run<R>(fn(ctx, ...args));
}

/** hex (as Go's encoding/hex writes it) -> GoString bytes. */
export function fromHex(h: string): GoString {
  let s = '';
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(h.slice(i, i + 2), 16));
  return s;
}

export function slice<T>(items: T[]): { arr: T[]; off: number; len: number; cap: number } {
  return { arr: items, off: 0, len: items.length, cap: items.length };
}
