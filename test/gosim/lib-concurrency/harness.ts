// Runs hand-written goroutines (JS generators calling the natives, as compiled Go code would)
// on the real gosim scheduler, for testing the blocking natives before the compiler can run Go
// source. The NativeCtx here is the part of the runtime's glue these natives use.
import { Scheduler, type Outcome } from '../../../gosim/runtime/scheduler.ts';
import { GoFatal, GoPanic } from '../../../gosim/runtime/panic.ts';
import { chanRecv } from '../../../gosim/runtime/chan.ts';
import type { Channel } from '../../../gosim/runtime/chan.ts';
import type { GoFunc, Native, NativeCtx } from '../../../gosim/runtime/native.ts';
import { Named, TypeName, type Type } from '../../../gosim/types/types.ts';
import type { Iface } from '../../../gosim/runtime/values.ts';

export type Gen = Generator<unknown, unknown, unknown>;

const named = new Map<string, Type>();
/** A named library type by its qualified name; natives only read its package and name. */
export function libType(name: string): Type {
  let t = named.get(name);
  if (!t) {
    const dot = name.lastIndexOf('.');
    t = new Named(new TypeName(name.slice(dot + 1), null as unknown as Type, null, name.slice(0, dot)), name.slice(0, dot));
    named.set(name, t);
  }
  return t;
}

export interface World {
  sched: Scheduler;
  ctx: NativeCtx;
  log: string[];
  /** Call a native by key, running it as a generator when it is one. */
  call(natives: Record<string, Native>, key: string, ...args: unknown[]): Gen;
  recv(ch: Channel | null): Gen;
  sleep(ns: number): Gen;
  go(fn: () => Gen): void;
  /** Virtual milliseconds since the start. */
  ms(): number;
}

/** Methods of values built by tests: Iface type -> method name -> implementation. */
export const methods = new Map<Type, Record<string, (recv: unknown, ...a: unknown[]) => Gen>>();

export function run(main: (w: World) => Gen): { outcome: Outcome; log: string[]; world: World } {
  const sched = new Scheduler({
    random: () => 0.5, maxSteps: 1e6, maxWallMs: 5000, maxGoroutines: 1000, maxStackDepth: 1000, now: () => Date.now(),
  });
  const log: string[] = [];
  const ctx = {
    sched,
    typeOf: libType,
    method(x: Iface, name: string): GoFunc | null {
      const m = methods.get(x.t)?.[name];
      return m ? (...a: unknown[]) => m(x.v, ...a) : null;
    },
    panic(v: Iface | null): never { throw new GoPanic(v); },
    runtimeError(msg: string): never { throw new GoPanic(null, true, msg.includes('nil pointer')); },
    fatal(msg: string): never { throw new GoFatal(msg); },
    random: () => 0.5,
    recover(e: unknown) { return e instanceof GoPanic ? { value: e.value } : undefined; },
    writeStdout(s: string) { log.push(s); },
    writeStderr(s: string) { log.push(s); },
  } as unknown as NativeCtx;
  const world: World = {
    sched, ctx, log,
    *call(natives, key, ...args) {
      const fn = natives[key];
      if (!fn) throw new Error(`no native ${key}`);
      const r = (fn as (c: NativeCtx, ...a: unknown[]) => unknown)(ctx, ...args);
      if (r && typeof r === 'object' && typeof (r as Gen).next === 'function' && Symbol.iterator in (r as object)) {
        return yield* r as Gen;
      }
      return r;
    },
    *recv(ch) { return yield* chanRecv(sched, ch); },
    *sleep(ns) {
      const g = sched.current;
      sched.addTimer(sched.now + ns, () => sched.ready(g));
      yield* sched.park('sleep', null);
    },
    go(fn) { sched.go(fn as unknown as GoFunc, []); },
    ms: () => sched.now / 1e6,
  };
  sched.go((() => main(world)) as unknown as GoFunc, []);
  const outcome = sched.run();
  return { outcome, log, world };
}

export const MS = 1_000_000;
