// The JS exceptions that carry Go's abnormal control flow through compiled code. None of them
// extends Error: capturing a JS stack trace on every Go panic would be slow and is never used.
import type { Iface } from './values.ts';

/** Where a goroutine was in one function: Go's traceback prints one such line pair per frame. */
export interface FrameSnapshot {
  func: string;
  file: string;
  line: number;
  /** The function takes no parameters: Go prints `f()` rather than `f(...)`. */
  noArgs?: boolean;
}

/**
 * A Go panic in flight. `value` is what panic() got; a runtime error's (rterror.ts) is made
 * when it is first recovered, and null until then.
 */
export class GoPanic {
  /** Set once recover() returned this panic's value. */
  recovered = false;
  /** The goroutine's stack where the panic started, captured before unwinding. */
  stack: FrameSnapshot[] = [];
  /** Earlier panics this one interrupted while their deferred calls ran (printed first). */
  previous: GoPanic | null = null;
  /** True when this value was recovered and then panicked again by the same deferred call. */
  repanicked = false;
  /** Library frames to show above the program's frames (a panic raised inside a native). */
  libFrames: FrameSnapshot[] = [];
  constructor(public value: Iface | null, readonly isRuntimeError = false, public sigsegv = false) {}
}

/** runtime.Goexit: runs deferred calls, then ends the goroutine; recover() does not stop it. */
export class GoExit {}

/** A fatal error (`fatal error: msg`): no deferred call runs, recover cannot stop it. */
export class GoFatal {
  constructor(readonly msg: string, readonly allGoroutines = true, readonly preamble = '') {}
  /** Library frames to show above the program's frames of the goroutine that failed. */
  libFrames: FrameSnapshot[] = [];
}

/** os.Exit(code) or a budget that ran out: the program ends at once, skipping deferred calls. */
export class ProgramExit {
  constructor(readonly code: number, readonly stderrTail = '') {}
}

/**
 * A budget (steps or wall time) ran out inside code that cannot yield to the scheduler (a plain
 * call, compile/plain.ts): the run ends as a timeout, as when the scheduler notices it itself.
 */
export class BudgetExceeded {}

export function isUnwindOnly(e: unknown): boolean {
  return e instanceof GoFatal || e instanceof ProgramExit;
}
