// The contract between the Go standard library subset written in TypeScript (gosim/lib/*.ts)
// and the runtime that calls it. Library packages declare their Go signatures in Go syntax
// (lib/decls.ts, read by the checker) and implement them here as "natives".
import type { Iface, GoString } from './values.ts';
import type { Type } from '../types/types.ts';
import type { Scheduler } from './scheduler.ts';

/**
 * A compiled Go function value. Every Go function is a JS generator function so that any call
 * can block (a channel operation deep inside it parks the goroutine); call it with `yield*`.
 * Arguments follow values.ts; a method value has its receiver bound already. The generator
 * returns undefined (no results), the single result, or an array of results.
 */
export type GoFunc = (...args: unknown[]) => Generator<unknown, unknown, unknown>;

/** What a native may ask of the running program. */
export interface NativeCtx {
  /** The method `name` of the dynamic value in `x` (bound to it), or null if its type has none. */
  method(x: Iface, name: string): GoFunc | null;
  /** Panic with a Go value, as `panic(v)` does. Never returns. */
  panic(value: Iface | null): never;
  /** Panic with a runtime.Error whose message is `runtime error: ` + msg. */
  runtimeError(msg: string): never;
  /** Fatal error (`fatal error: msg`), which recover cannot stop. */
  fatal(msg: string): never;
  /** A named type of a library package or of the program, e.g. 'strconv.NumError', 'main.T', 'error'. */
  typeOf(qualifiedName: string): Type;
  /** The program's seeded random source, uniform in [0, 1). */
  random(): number;
  /**
   * Optional. Given what a call into Go code threw, return the Go panic value it carries,
   * recovering it as `recover()` would (fmt turns a panicking String method into
   * `%!v(PANIC=String method: ...)`); return undefined for anything that is not a Go panic
   * (budget exhaustion, fatal errors), which the caller rethrows.
   */
  recover?(thrown: unknown): { value: Iface | null } | undefined;
  /** Append bytes to the program's stdout / stderr. */
  writeStdout(bytes: GoString): void;
  writeStderr(bytes: GoString): void;
  /**
   * The scheduler: park/ready goroutines, the virtual clock, timers, starting goroutines.
   * Its API is documented at the top of runtime/scheduler.ts.
   */
  sched: Scheduler;
  /** Call a Go function value (or native-bound function) from a native generator: `yield* ctx.call(f, a, b)`. */
  call(f: GoFunc, ...args: unknown[]): Generator<unknown, unknown, unknown>;
}

/**
 * A library function or method. Methods are keyed 'pkg.Type.Method' and get the receiver as
 * their first argument after ctx (a Pointer for pointer receivers). A native that calls back
 * into Go code (sort.Slice's less, fmt calling String()) or blocks is a generator function,
 * and is run with `yield*`; the runtime tells the two kinds apart once, when it binds them.
 */
export type Native =
  | ((ctx: NativeCtx, ...args: any[]) => unknown)
  | ((ctx: NativeCtx, ...args: any[]) => Generator<unknown, unknown, unknown>);

export interface NativePackage {
  /** Import path: "fmt", "strings", "math/rand", ... */
  path: string;
  natives: Record<string, Native>;
}
