// Package io: the Writer/Reader interfaces (declared in lib/decls.ts), the sentinel errors, and
// Discard and WriteString, which are all a concurrency course needs of it.
import type { NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoString, Iface, SliceValue } from '../runtime/values.ts';
import { methodSignature, newError } from './errors.ts';
import { bytesOf } from './fmt/values.ts';

type Gen<T> = Generator<unknown, T, unknown>;

// One value per sentinel, so that `err == io.EOF` holds for whatever a native returns. Keyed by
// the errorString type, which the checker makes once, like context.Canceled.
const sentinels = new WeakMap<object, Map<string, Iface>>();
function sentinel(ctx: NativeCtx, text: string): Iface {
  const key = ctx.typeOf('errors.errorString');
  let m = sentinels.get(key);
  if (!m) { m = new Map(); sentinels.set(key, m); }
  let e = m.get(text);
  if (!e) { e = newError(ctx, text); m.set(text, e); }
  return e;
}

/** io.EOF, for natives (readers) that report the end of their input. */
export const eof = (ctx: NativeCtx): Iface => sentinel(ctx, 'EOF');

/** Whether w's dynamic type has io.StringWriter's method, as io.WriteString asks. */
function isStringWriter(w: Iface): boolean {
  const sig = methodSignature(w.t, 'WriteString');
  if (!sig || sig.params.vars.length !== 1 || sig.results.vars.length !== 2) return false;
  const p = sig.params.vars[0]!.type;
  return p.tag === 'Basic' && p.kind === 'string';
}

const nilDeref = (ctx: NativeCtx): never => ctx.runtimeError('invalid memory address or nil pointer dereference');

export const pkg: NativePackage = {
  path: 'io',
  natives: {
    'io.EOF': eof,
    'io.ErrUnexpectedEOF': (ctx: NativeCtx) => sentinel(ctx, 'unexpected EOF'),
    'io.Discard': (ctx: NativeCtx): Iface => ({ t: ctx.typeOf('io.discard'), v: [] }),
    'io.discard.Write': (_ctx: NativeCtx, _d: unknown, p: SliceValue | null) => [p === null ? 0 : p.len, null],
    'io.discard.WriteString': (_ctx: NativeCtx, _d: unknown, s: GoString) => [s.length, null],
    *'io.WriteString'(ctx: NativeCtx, w: Iface | null, s: GoString): Gen<unknown> {
      if (w === null) return nilDeref(ctx);
      const viaString = isStringWriter(w);
      const f = ctx.method(w, viaString ? 'WriteString' : 'Write');
      if (f === null) return nilDeref(ctx);
      return yield* ctx.call(f, viaString ? s : bytesOf(s));
    },
  },
};
