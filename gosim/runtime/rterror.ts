// Runtime errors (runtime.Error values) as panics. A runtime error's Go value, the one recover()
// returns, is of one of package runtime's named types, declared with the library: the program
// is handed those types (ProgramLibrary.runtimeErrors) and the value is made when the panic is
// first recovered (recoveredValue). Until then a RuntimePanic carries only its message, which is
// all a crash report prints.
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
}

/** Which of the runtime's error types a runtime error's value has. */
type RuntimeErrorKind = 'plain' | 'errorString' | 'bounds' | 'typeAssert';

function iface(t: Type | null, v: unknown): Iface | null {
  return t ? { t, v } : null;
}

/** The message printed after `panic: ` for a runtime error panic. */
export class RuntimePanic extends GoPanic {
  /** Whether `value` has been made (valueWith). */
  private made = false;
  constructor(private readonly kind: RuntimeErrorKind, readonly message: string, sigsegv = false) {
    super(null, true, sigsegv);
  }

  /** The Go value of this runtime error, made once, of the program's runtime types. */
  valueWith(types: RuntimeErrorTypes): Iface | null {
    if (this.made) return this.value;
    this.made = true;
    const msg = this.message;
    switch (this.kind) {
      case 'plain': this.value = iface(types.plain, msg); break;
      case 'errorString': this.value = iface(types.errorString, msg); break;
      case 'bounds': this.value = iface(types.bounds, [msg]); break;
      case 'typeAssert': this.value = types.typeAssert ? iface(types.typeAssert, { load: () => [msg], store() {}, target: {} }) : null; break;
    }
    return this.value;
  }
}

/** The value recover() returns for panic `p`, given the program's runtime error types. */
export function recoveredValue(p: GoPanic, types: RuntimeErrorTypes): Iface | null {
  return p instanceof RuntimePanic ? p.valueWith(types) : p.value;
}

/** `send on closed channel`, `close of nil channel`, `assignment to entry in nil map`, ... */
export function plainPanic(msg: string): RuntimePanic {
  return new RuntimePanic('plain', msg);
}

/** `runtime error: integer divide by zero`, ... */
export function runtimeErrorPanic(msg: string, sigsegv = false): RuntimePanic {
  return new RuntimePanic('errorString', 'runtime error: ' + msg, sigsegv);
}

/** `runtime error: index out of range [5] with length 3`, slice bounds, ... */
export function boundsPanic(msg: string): RuntimePanic {
  return new RuntimePanic('bounds', 'runtime error: ' + msg);
}

export function typeAssertPanic(msg: string): RuntimePanic {
  return new RuntimePanic('typeAssert', 'interface conversion: ' + msg);
}

export function nilDeref(): RuntimePanic {
  return runtimeErrorPanic('invalid memory address or nil pointer dereference', true);
}
