// Package fmt. The formatting engine lives in lib/fmt/; this file binds it to Go's API:
// where the bytes go (stdout, an io.Writer, a string, a []byte) and Errorf's wrapping errors.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoString, Iface, Pointer, SliceValue } from '../runtime/values.ts';
import { Printer, sliceElems } from './fmt/print.ts';
import { stringMethod } from './fmt/methods.ts';
import type { Gen } from './fmt/print.ts';
import { appendBytes, bytesOf, newError, newStructPointer, pointerTo } from './fmt/values.ts';
import { STRING, alloc } from '../runtime/memory.ts';

type Args = SliceValue | null;

function argList(a: Args): (Iface | null)[] {
  return sliceElems(a) as (Iface | null)[];
}

/** Sprint: operands formatted as by Print. The runtime may use it to print panic values. */
export function* sprint(ctx: NativeCtx, args: (Iface | null)[]): Gen<GoString> {
  const p = new Printer(ctx);
  yield* p.doPrint(args);
  return p.buf;
}

export function* sprintln(ctx: NativeCtx, args: (Iface | null)[]): Gen<GoString> {
  const p = new Printer(ctx);
  yield* p.doPrintln(args);
  return p.buf;
}

export function* sprintf(ctx: NativeCtx, format: GoString, args: (Iface | null)[]): Gen<GoString> {
  const p = new Printer(ctx);
  yield* p.doPrintf(format, args);
  return p.buf;
}

/** One value as `%v` prints it (Error()/String() included), e.g. for `panic(v)` messages. */
export function* formatValue(ctx: NativeCtx, v: Iface | null, verb = 'v'): Gen<GoString> {
  return yield* sprintf(ctx, '%' + verb, [v]);
}

/** Write to an io.Writer through its Write method; returns Write's (n, err). */
function* writeTo(ctx: NativeCtx, w: Iface | null, s: GoString): Gen<[number, Iface | null]> {
  if (w === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const write = ctx.method(w, 'Write');
  if (write === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const r = (yield* ctx.call(write, bytesOf(s))) as [number, Iface | null];
  return r;
}

function* errorf(ctx: NativeCtx, format: GoString, a: Args): Gen<Iface> {
  const args = argList(a);
  const p = new Printer(ctx);
  p.wrapErrs = true;
  yield* p.doPrintf(format, args);
  const s = made(p.buf);
  const isError = (x: Iface | null): x is Iface => x !== null && stringMethod(x.t, 'Error') !== null;
  if (p.wrappedErrs.length === 0) return newError(ctx, s);
  if (p.wrappedErrs.length === 1) {
    const e = args[p.wrappedErrs[0]];
    return { t: pointerTo(ctx, 'fmt.wrapError'), v: newStructPointer([s, isError(e) ? e : null]) };
  }
  const idx = p.reordered ? p.wrappedErrs.slice().sort((x, y) => x - y) : p.wrappedErrs;
  const errs: Iface[] = [];
  for (let i = 0; i < idx.length; i++) {
    if (i > 0 && idx[i - 1] === idx[i]) continue;
    const e = args[idx[i]];
    if (isError(e)) errs.push(e);
  }
  const slice = errs.length === 0 ? null : { arr: errs, off: 0, len: errs.length, cap: errs.length };
  return { t: pointerTo(ctx, 'fmt.wrapErrors'), v: newStructPointer([s, slice]) };
}

/** A string handed to the program, counted against its memory budget. */
function made(s: GoString): GoString {
  alloc(s.length + STRING);
  return s;
}

function field(p: Pointer | null, i: number, ctx: NativeCtx): unknown {
  if (p === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  return (p.load() as unknown[])[i];
}

export const pkg: NativePackage = {
  path: 'fmt',
  natives: {
    *'fmt.Print'(ctx: NativeCtx, a: Args) {
      const s = yield* sprint(ctx, argList(a));
      ctx.writeStdout(s);
      return [s.length, null];
    },
    *'fmt.Println'(ctx: NativeCtx, a: Args) {
      const s = yield* sprintln(ctx, argList(a));
      ctx.writeStdout(s);
      return [s.length, null];
    },
    *'fmt.Printf'(ctx: NativeCtx, format: GoString, a: Args) {
      const s = yield* sprintf(ctx, format, argList(a));
      ctx.writeStdout(s);
      return [s.length, null];
    },
    *'fmt.Sprint'(ctx: NativeCtx, a: Args) { return made(yield* sprint(ctx, argList(a))); },
    *'fmt.Sprintln'(ctx: NativeCtx, a: Args) { return made(yield* sprintln(ctx, argList(a))); },
    *'fmt.Sprintf'(ctx: NativeCtx, format: GoString, a: Args) { return made(yield* sprintf(ctx, format, argList(a))); },
    *'fmt.Fprint'(ctx: NativeCtx, w: Iface | null, a: Args) {
      return yield* writeTo(ctx, w, yield* sprint(ctx, argList(a)));
    },
    *'fmt.Fprintln'(ctx: NativeCtx, w: Iface | null, a: Args) {
      return yield* writeTo(ctx, w, yield* sprintln(ctx, argList(a)));
    },
    *'fmt.Fprintf'(ctx: NativeCtx, w: Iface | null, format: GoString, a: Args) {
      return yield* writeTo(ctx, w, yield* sprintf(ctx, format, argList(a)));
    },
    *'fmt.Append'(ctx: NativeCtx, b: SliceValue | null, a: Args) {
      return appendBytes(b, yield* sprint(ctx, argList(a)));
    },
    *'fmt.Appendln'(ctx: NativeCtx, b: SliceValue | null, a: Args) {
      return appendBytes(b, yield* sprintln(ctx, argList(a)));
    },
    *'fmt.Appendf'(ctx: NativeCtx, b: SliceValue | null, format: GoString, a: Args) {
      return appendBytes(b, yield* sprintf(ctx, format, argList(a)));
    },
    'fmt.Errorf': errorf,
    'fmt.wrapError.Error': (ctx: NativeCtx, e: Pointer | null) => field(e, 0, ctx),
    'fmt.wrapError.Unwrap': (ctx: NativeCtx, e: Pointer | null) => field(e, 1, ctx),
    'fmt.wrapErrors.Error': (ctx: NativeCtx, e: Pointer | null) => field(e, 0, ctx),
    'fmt.wrapErrors.Unwrap': (ctx: NativeCtx, e: Pointer | null) => field(e, 1, ctx),
  },
};
