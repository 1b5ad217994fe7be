// Package maps over the runtime's MapValue (a JS Map from a hashable key form to [key, value]).
import type { GoFunc, NativeCtx, NativePackage } from '../runtime/native.ts';
import { MapValue } from '../runtime/ops.ts';
import { plainPanic } from '../runtime/rterror.ts';
import { copyValue } from './errors.ts';
import { goEqual } from './cmp.ts';
import { MAP, MAP_ENTRY, alloc, free } from '../runtime/memory.ts';

type M = MapValue | null;

/**
 * An iterator (Go's iter.Seq/Seq2: a func taking yield) over m's entries, as `for k, v := range
 * m` walks them: the keys present when it starts, from a random one on, skipping deleted ones.
 */
function mapSeq(ctx: NativeCtx, m: M, pick: (k: unknown, v: unknown) => unknown[]): GoFunc {
  return function* (yieldFn: unknown) {
    if (m === null || m.size === 0) return;
    const keys = [...m.keys()];
    const start = Math.floor(ctx.random() * keys.length);
    for (let j = 0; j < keys.length; j++) {
      const ent = m.get(keys[(start + j) % keys.length]);
      if (ent === undefined) continue;
      if (yieldFn === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      if (!((yield* ctx.call(yieldFn as GoFunc, ...pick(copyValue(ent[0]), copyValue(ent[1])))) as boolean)) return;
    }
  };
}

export const pkg: NativePackage = {
  path: 'maps',
  natives: {
    'maps.Clone': (_ctx: NativeCtx, m: M) => {
      if (m === null) return null;
      alloc(MAP + m.size * MAP_ENTRY);
      const out = new MapValue();
      for (const [h, [k, v]] of m) out.set(h, [copyValue(k), copyValue(v)]);
      return out;
    },
    'maps.Copy': (_ctx: NativeCtx, dst: M, src: M) => {
      if (src === null || src.size === 0) return;
      if (dst === null) throw plainPanic('assignment to entry in nil map');
      const before = dst.size;
      for (const [h, [k, v]] of src) dst.set(h, [copyValue(k), copyValue(v)]);
      alloc((dst.size - before) * MAP_ENTRY);
    },
    *'maps.DeleteFunc'(ctx: NativeCtx, m: M, del: GoFunc) {
      if (m === null) return;
      for (const [h, [k, v]] of [...m]) {
        if ((yield* ctx.call(del, copyValue(k), copyValue(v))) as boolean && m.delete(h)) free(MAP_ENTRY);
      }
    },
    'maps.Keys': (ctx: NativeCtx, m: M) => mapSeq(ctx, m, (k) => [k]),
    'maps.Values': (ctx: NativeCtx, m: M) => mapSeq(ctx, m, (_k, v) => [v]),
    'maps.All': (ctx: NativeCtx, m: M) => mapSeq(ctx, m, (k, v) => [k, v]),
    'maps.Equal': (_ctx: NativeCtx, a: M, b: M) => {
      const x = a ?? new MapValue(), y = b ?? new MapValue();
      if (x.size !== y.size) return false;
      for (const [h, [, v]] of x) {
        const e = y.get(h);
        if (e === undefined || !goEqual(v, e[1])) return false;
      }
      return true;
    },
  },
};
