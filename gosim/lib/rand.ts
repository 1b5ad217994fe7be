// Package math/rand. Top-level functions draw from the run's seeded source (ctx.random), as real
// Go's are randomly seeded (and rand.Seed is a no-op since Go 1.24). A *Rand derives every value
// from its Source's Int63 exactly as Go does, so a program's own Source gives Go's numbers; the
// built-in NewSource is a deterministic generator of gosim's own (Go's needs a 607-entry table).
import type { GoFunc, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt, Iface, Pointer } from '../runtime/values.ts';
import { normInt } from '../runtime/values.ts';
import { newStructPointer, panicString, pointerTo } from './fmt/values.ts';
import { SLOT, alloc, arrayCost } from '../runtime/memory.ts';

type Gen<T> = Generator<unknown, T, unknown>;

/** A 63-bit draw from the run's random source. */
function ctxInt63(ctx: NativeCtx): bigint {
  const hi = BigInt(Math.floor(ctx.random() * 2 ** 31));
  const lo = BigInt(Math.floor(ctx.random() * 2 ** 32));
  return (hi << 32n) | lo;
}

/** splitmix64 of (seed, position): the stream behind rand.NewSource. */
function sourceInt63(state: unknown[]): bigint {
  const seed = BigInt(state[0] as GoInt);
  const pos = BigInt(state[1] as GoInt);
  state[1] = normInt(pos + 1n);
  let z = BigInt.asUintN(64, seed + (pos + 1n) * 0x9e3779b97f4a7c15n);
  z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
  z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
  z = z ^ (z >> 31n);
  return z >> 1n;
}

/** The values Go derives from Int63, parameterized by where Int63 comes from. */
class Derive {
  constructor(readonly int63: () => Gen<bigint>) {}

  *int31(): Gen<number> { return Number((yield* this.int63()) >> 32n); }
  *uint32(): Gen<number> { return Number(BigInt.asUintN(32, (yield* this.int63()) >> 31n)); }

  *int63n(ctx: NativeCtx, n: bigint, fn = 'Int63n'): Gen<bigint> {
    if (n <= 0n) panicString(ctx, `invalid argument to ${fn}`);
    if ((n & (n - 1n)) === 0n) return (yield* this.int63()) & (n - 1n);
    const max = (1n << 63n) - 1n - ((1n << 63n) % n);
    let v = yield* this.int63();
    while (v > max) v = yield* this.int63();
    return v % n;
  }

  *int31n(ctx: NativeCtx, n: number, fn = 'Int31n'): Gen<number> {
    if (n <= 0) panicString(ctx, `invalid argument to ${fn}`);
    if ((n & (n - 1)) === 0) return (yield* this.int31()) & (n - 1);
    const max = 2 ** 31 - 1 - (2 ** 31 % n);
    let v = yield* this.int31();
    while (v > max) v = yield* this.int31();
    return v % n;
  }

  *intn(ctx: NativeCtx, n: GoInt): Gen<GoInt> {
    if (n <= 0) panicString(ctx, 'invalid argument to Intn');
    if (n <= 2 ** 31 - 1) return yield* this.int31n(ctx, Number(n), 'Intn');
    return normInt(yield* this.int63n(ctx, BigInt(n), 'Intn'));
  }

  /** Lemire's bounded draw, which Go's Shuffle uses. */
  *int31nLemire(n: number): Gen<number> {
    let v = yield* this.uint32();
    let prod = BigInt(v) * BigInt(n);
    let low = Number(BigInt.asUintN(32, prod));
    if (low < n) {
      const thresh = (2 ** 32 - n) % n;
      while (low < thresh) {
        v = yield* this.uint32();
        prod = BigInt(v) * BigInt(n);
        low = Number(BigInt.asUintN(32, prod));
      }
    }
    return Number(prod >> 32n);
  }

  *float64(): Gen<number> {
    for (;;) {
      const f = Number(yield* this.int63()) / 2 ** 63;
      if (f !== 1) return f;
    }
  }

  *perm(ctx: NativeCtx, n: GoInt): Gen<{ arr: unknown[]; off: number; len: number; cap: number }> {
    const len = Number(n);
    if (len < 0) ctx.runtimeError('makeslice: len out of range');
    alloc(arrayCost(len, SLOT));
    const m = new Array<number>(len).fill(0);
    for (let i = 0; i < len; i++) {
      const j = Number(yield* this.intn(ctx, i + 1));
      m[i] = m[j];
      m[j] = i;
    }
    return { arr: m, off: 0, len, cap: len };
  }

  *shuffle(ctx: NativeCtx, n: GoInt, swap: GoFunc): Gen<void> {
    let i = Number(n);
    if (i < 0) panicString(ctx, 'invalid argument to Shuffle');
    for (i = i - 1; i > 2 ** 31 - 2; i--) {
      const j = Number(yield* this.int63n(ctx, BigInt(i + 1)));
      yield* ctx.call(swap, i, j);
    }
    for (; i > 0; i--) {
      const j = yield* this.int31nLemire(i + 1);
      yield* ctx.call(swap, i, j);
    }
  }
}

function global(ctx: NativeCtx): Derive {
  return new Derive(function* () { return ctxInt63(ctx); });
}

/** The Derive for a *Rand: its Source is the struct's only field. */
function ofRand(ctx: NativeCtx, r: Pointer<unknown[]> | null): Derive {
  if (r === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const src = r.load()[0] as Iface | null;
  if (src === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
  const own = src.t.tag === 'Pointer' && src.t.elem.tag === 'Named' && src.t.elem.pkg === 'math/rand' && src.t.elem.name === 'rngSource';
  if (own) {
    const state = (src.v as Pointer<unknown[]>).load();
    return new Derive(function* () { return sourceInt63(state); });
  }
  return new Derive(function* () {
    const m = ctx.method(src, 'Int63');
    if (m === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
    return BigInt((yield* ctx.call(m)) as GoInt);
  });
}

type R = Pointer<unknown[]> | null;

export const pkg: NativePackage = {
  path: 'math/rand',
  natives: {
    'rand.NewSource': (ctx: NativeCtx, seed: GoInt) => ({ t: pointerTo(ctx, 'rand.rngSource'), v: newStructPointer([seed, 0]) }),
    'rand.rngSource.Int63': (_ctx: NativeCtx, p: Pointer<unknown[]>) => normInt(sourceInt63(p.load())),
    'rand.rngSource.Uint64': (_ctx: NativeCtx, p: Pointer<unknown[]>) => {
      const st = p.load();
      return normInt(BigInt.asUintN(64, (sourceInt63(st) << 1n) ^ sourceInt63(st)));
    },
    'rand.rngSource.Seed': (_ctx: NativeCtx, p: Pointer<unknown[]>, seed: GoInt) => {
      const st = p.load();
      st[0] = seed;
      st[1] = 0;
    },
    'rand.New': (_ctx: NativeCtx, src: Iface | null) => newStructPointer([src]),
    *'rand.Rand.Int'(ctx: NativeCtx, r: R) { return normInt(yield* ofRand(ctx, r).int63()); },
    *'rand.Rand.Intn'(ctx: NativeCtx, r: R, n: GoInt) { return yield* ofRand(ctx, r).intn(ctx, n); },
    *'rand.Rand.Int31'(ctx: NativeCtx, r: R) { return yield* ofRand(ctx, r).int31(); },
    *'rand.Rand.Int31n'(ctx: NativeCtx, r: R, n: number) { return yield* ofRand(ctx, r).int31n(ctx, n); },
    *'rand.Rand.Int63'(ctx: NativeCtx, r: R) { return normInt(yield* ofRand(ctx, r).int63()); },
    *'rand.Rand.Int63n'(ctx: NativeCtx, r: R, n: GoInt) { return normInt(yield* ofRand(ctx, r).int63n(ctx, BigInt(n))); },
    *'rand.Rand.Float64'(ctx: NativeCtx, r: R) { return yield* ofRand(ctx, r).float64(); },
    *'rand.Rand.Perm'(ctx: NativeCtx, r: R, n: GoInt) { return yield* ofRand(ctx, r).perm(ctx, n); },
    *'rand.Rand.Shuffle'(ctx: NativeCtx, r: R, n: GoInt, swap: GoFunc) { yield* ofRand(ctx, r).shuffle(ctx, n, swap); },
    *'rand.Rand.Seed'(ctx: NativeCtx, r: R, seed: GoInt) {
      if (r === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      const src = r.load()[0] as Iface | null;
      if (src === null) ctx.runtimeError('invalid memory address or nil pointer dereference');
      const m = ctx.method(src, 'Seed');
      if (m) yield* ctx.call(m, seed);
    },
    // Since Go 1.24 the top-level Seed does nothing.
    'rand.Seed': () => undefined,
    *'rand.Int'(ctx: NativeCtx) { return normInt(yield* global(ctx).int63()); },
    *'rand.Intn'(ctx: NativeCtx, n: GoInt) { return yield* global(ctx).intn(ctx, n); },
    *'rand.Int31'(ctx: NativeCtx) { return yield* global(ctx).int31(); },
    *'rand.Int31n'(ctx: NativeCtx, n: number) { return yield* global(ctx).int31n(ctx, n); },
    *'rand.Int63'(ctx: NativeCtx) { return normInt(yield* global(ctx).int63()); },
    *'rand.Int63n'(ctx: NativeCtx, n: GoInt) { return normInt(yield* global(ctx).int63n(ctx, BigInt(n))); },
    *'rand.Float64'(ctx: NativeCtx) { return yield* global(ctx).float64(); },
    *'rand.Perm'(ctx: NativeCtx, n: GoInt) { return yield* global(ctx).perm(ctx, n); },
    *'rand.Shuffle'(ctx: NativeCtx, n: GoInt, swap: GoFunc) { yield* global(ctx).shuffle(ctx, n, swap); },
  },
};
