// Small builders for values that library natives hand back to Go code: byte slices, pointers
// to fresh structs, and error values of the library's own named types.
import type { GoFunc, NativeCtx } from '../../runtime/native.ts';
import type { GoString, Iface, Pointer, SliceValue } from '../../runtime/values.ts';
import { GoPanic } from '../../runtime/panic.ts';
import { newError as errorsNewError, pointerTo as errorsPointerTo } from '../errors.ts';
import type { Type } from '../../types/types.ts';
import { Typ } from '../../types/universe.ts';
import { alloc, arrayCost, POINTER, SLOT } from '../../runtime/memory.ts';

/** A new []byte holding the bytes of s (counted against the program's memory budget). */
export function bytesOf(s: GoString): SliceValue<number> {
  alloc(arrayCost(s.length, SLOT));
  const arr = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) arr[i] = s.charCodeAt(i);
  return { arr, off: 0, len: arr.length, cap: arr.length };
}

/** The bytes of a []byte as a GoString. */
export function stringOf(b: SliceValue | null): GoString {
  if (b === null) return '';
  let s = '';
  for (let i = 0; i < b.len; i++) s += String.fromCharCode(b.arr[b.off + i] as number);
  return s;
}

/** append(b, bytes...) with Go's growth: in place while the capacity allows. */
export function appendBytes(b: SliceValue | null, s: GoString): SliceValue {
  const len = b === null ? 0 : b.len;
  const cap = b === null ? 0 : b.cap;
  if (b !== null && len + s.length <= cap) {
    for (let i = 0; i < s.length; i++) b.arr[b.off + len + i] = s.charCodeAt(i);
    return { arr: b.arr, off: b.off, len: len + s.length, cap };
  }
  const need = len + s.length;
  let newCap = cap === 0 ? need : cap;
  while (newCap < need) newCap = newCap < 256 ? newCap * 2 : newCap + Math.floor((newCap + 3 * 256) / 4);
  // Only the growth is counted: the array it replaces is usually garbage now (compile/call.ts's append).
  alloc(cap === 0 ? arrayCost(newCap, SLOT) : (newCap - cap) * SLOT);
  const arr = new Array<unknown>(newCap).fill(0);
  for (let i = 0; i < len; i++) arr[i] = b!.arr[b!.off + i];
  for (let i = 0; i < s.length; i++) arr[len + i] = s.charCodeAt(i);
  return { arr, off: 0, len: need, cap: newCap };
}

/** A pointer to a fresh struct variable, as &T{...} makes one. */
export function newStructPointer(fields: unknown[]): Pointer<unknown[]> {
  alloc(POINTER + arrayCost(fields.length, SLOT));
  return {
    target: fields,
    load: () => fields,
    store: (v: unknown[]) => { for (let i = 0; i < fields.length; i++) fields[i] = v[i]; },
  };
}

/** *T for a named library type; errors.ts keeps one pointer type per named type. */
export function pointerTo(ctx: NativeCtx, qualifiedName: string): Type {
  return errorsPointerTo(ctx.typeOf(qualifiedName));
}

/** errors.New(text): a *errors.errorString. */
export function newError(ctx: NativeCtx, text: GoString): Iface {
  return errorsNewError(ctx, text);
}

/** The running goroutine, when there is a scheduler (the unit-test harness has none). */
function currentGoroutine(ctx: NativeCtx): { top: unknown } | null {
  try {
    return ctx.sched.current;
  } catch {
    return null;
  }
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; panic: Iface | null };

/**
 * Call Go code from a native and recover a Go panic it raises, as fmt does around String
 * methods. The frames the panic unwound are dropped from the goroutine's stack, so a later
 * traceback does not show them.
 */
export function* callRecovering(ctx: NativeCtx, fn: GoFunc, ...args: unknown[]): Generator<unknown, CallOutcome, unknown> {
  const g = currentGoroutine(ctx);
  const top = g?.top;
  try {
    return { ok: true, value: yield* ctx.call(fn, ...args) };
  } catch (e) {
    const rec = recoverPanic(ctx, e);
    if (rec === undefined) throw e;
    if (g) g.top = top;
    return { ok: false, panic: rec.value };
  }
}

/** The panic value carried by what a call into Go code threw, or undefined if it is no panic. */
export function recoverPanic(ctx: NativeCtx, thrown: unknown): { value: Iface | null } | undefined {
  if (ctx.recover) return ctx.recover(thrown);
  if (thrown instanceof GoPanic) return { value: thrown.value };
  return undefined;
}

/** panic("msg") with a plain string, as library code such as strings.Repeat does. */
export function panicString(ctx: NativeCtx, msg: GoString): never {
  return ctx.panic({ t: Typ.string, v: msg });
}
