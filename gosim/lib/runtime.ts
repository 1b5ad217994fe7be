// Package runtime (exports `pkg`): goroutine counting and yielding on gosim's scheduler, and the
// Error methods of the runtime error values that runtime/rterror.ts builds.
//
// NumCPU and GOMAXPROCS report 8: gosim runs every goroutine on one JS thread, and a learner's
// program should not print the host's core count (that would make output depend on the
// machine). 8 is an ordinary modern value; the Go playground's own figure could not be checked
// from here. GOMAXPROCS(n > 0) changes what later calls return, as in Go, and nothing else.
import type { Native, NativeCtx, NativePackage } from '../runtime/native.ts';
import type { GoInt, Pointer, StructValue } from '../runtime/values.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import { schedOf } from './timer.ts';

export const NUM_CPU = 8;
/** The toolchain whose behaviour gosim reproduces (the `go` this project records goldens with). */
export const GO_VERSION = 'go1.26.8';

/** GOMAXPROCS as the program set it, per run (Scheduler.perRun). */
const maxProcs = new WeakMap<object, number>();

const natives: Record<string, Native> = {
  'runtime.NumGoroutine': (ctx: NativeCtx) => schedOf(ctx).numGoroutine(),
  'runtime.Gosched': function* (ctx: NativeCtx) { yield* schedOf(ctx).yieldNow(); },
  'runtime.GOMAXPROCS': (ctx: NativeCtx, n: GoInt) => {
    const sched = schedOf(ctx);
    const prev = maxProcs.get(sched.perRun) ?? NUM_CPU;
    if (n > 0) maxProcs.set(sched.perRun, Number(n));
    return prev;
  },
  'runtime.NumCPU': () => NUM_CPU,
  // Goexit unwinds with runtime/panic.ts's GoExit: deferred calls run, recover() cannot stop it.
  'runtime.Goexit': (ctx: NativeCtx) => schedOf(ctx).goexit(),
  'runtime.GC': () => undefined,
  'runtime.Version': () => GO_VERSION,
  'runtime.KeepAlive': () => undefined,

  'runtime.errorString.Error': (_c: NativeCtx, e: string) => e,
  'runtime.errorString.RuntimeError': () => undefined,
  'runtime.plainError.Error': (_c: NativeCtx, e: string) => e,
  'runtime.plainError.RuntimeError': () => undefined,
  'runtime.boundsError.Error': (_c: NativeCtx, e: StructValue) => e[0],
  'runtime.boundsError.RuntimeError': () => undefined,
  'runtime.TypeAssertionError.Error': (_c: NativeCtx, p: Pointer<StructValue>) => p.load()[0],
  'runtime.TypeAssertionError.RuntimeError': () => undefined,
};

export const pkg: NativePackage = { path: 'runtime', natives };
