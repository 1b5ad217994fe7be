// Runtime errors (runtime.Error values) as panics. The runtime's named types come from the
// library declarations; the program's runtime registers them once it has checked the program.
import type { Type } from '../types/types.ts';
import type { Iface } from './values.ts';
import { GoPanic } from './panic.ts';

export interface RuntimeErrorTypes {
  /** runtime.plainError: messages without the `runtime error: ` prefix. */
  plain: Type | null;
  /** runtime.errorString: `runtime error: ...` messages. */
  errorString: Type | null;
  /** runtime.boundsError. */
  bounds: Type | null;
  /** *runtime.TypeAssertionError. */
  typeAssert: Type | null;
  /** The `error` interface's dynamic stand-in when the library types are missing. */
}

let types: RuntimeErrorTypes = { plain: null, errorString: null, bounds: null, typeAssert: null };

export function setRuntimeErrorTypes(t: RuntimeErrorTypes): void { types = t; }

function iface(t: Type | null, v: unknown): Iface | null {
  return t ? { t, v } : null;
}

/** The message printed after `panic: ` for a runtime error panic. */
export class RuntimePanic extends GoPanic {
  constructor(value: Iface | null, readonly message: string, sigsegv = false) {
    super(value, true, sigsegv);
  }
}

/** `send on closed channel`, `close of nil channel`, `assignment to entry in nil map`, ... */
export function plainPanic(msg: string): RuntimePanic {
  return new RuntimePanic(iface(types.plain, msg), msg);
}

/** `runtime error: integer divide by zero`, ... */
export function runtimeErrorPanic(msg: string, sigsegv = false): RuntimePanic {
  return new RuntimePanic(iface(types.errorString, 'runtime error: ' + msg), 'runtime error: ' + msg, sigsegv);
}

/** `runtime error: index out of range [5] with length 3`, slice bounds, ... */
export function boundsPanic(msg: string): RuntimePanic {
  return new RuntimePanic(iface(types.bounds, ['runtime error: ' + msg]), 'runtime error: ' + msg);
}

export function typeAssertPanic(msg: string): RuntimePanic {
  const v = types.typeAssert ? { load: () => ['interface conversion: ' + msg], store() {}, target: {} } : null;
  return new RuntimePanic(iface(types.typeAssert, v), 'interface conversion: ' + msg);
}

export function nilDeref(): RuntimePanic {
  return runtimeErrorPanic('invalid memory address or nil pointer dereference', true);
}
