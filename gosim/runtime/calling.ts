// The generator calling convention: a goroutine is a stack of JS generators, and compiled code
// talks to whoever drives that stack by what it yields. PARK and PREEMPT end a goroutine's turn
// (Scheduler.run), SWITCH hands the choice of the next turn to the explorer, CALL and PUSH run
// a Go call or a generator on top of the stack without nesting JS frames; drive() runs the
// stack until one of the first three comes up.
import type { GoFunc } from './native.ts';

/** Yielded by a goroutine that blocked (it registered itself somewhere to be readied). */
export const PARK = Symbol('park');
/** Yielded by a goroutine at a loop back-edge or call when its quantum is used up. */
export const PREEMPT = Symbol('preempt');
/**
 * Explore mode only: yielded before a goroutine's second visible operation in one turn, so the
 * explorer decides who runs next (see Explorer and Scheduler.enter).
 */
export const SWITCH = Symbol('switch');

/**
 * Yielded by compiled code to call a Go function: the scheduler runs CALL.fn(...CALL.args) on the
 * goroutine's own stack of generators and resumes the caller with its result (or throws into it).
 * Go calls therefore do not nest JS frames, and Go code recurses as deep as maxStackDepth allows.
 * (Natives may still call Go functions with plain `yield*`; both work.)
 */
export const CALL: { fn: GoFunc | null; args: unknown[] | null } = { fn: null, args: null };

/**
 * Yielded by compiled code to have a generator run on top of the goroutine's stack, like CALL:
 * the yielder is resumed with its result (or has its exception thrown in). It is `yield*` for a
 * generator that is about to park (the slow part a fast path handed back): through `yield*`
 * every later park and resume would pass through each enclosing generator, one per nested
 * statement, a loop and its block and the function's body at least. Use handOff() to yield it.
 */
export const PUSH: { gen: Generator<unknown, unknown, unknown> | null } = { gen: null };

/** The value to yield to run `gen` as PUSH describes: `const r = yield handOff(gen)`. */
export function handOff(gen: Generator<unknown, unknown, unknown>): typeof PUSH {
  PUSH.gen = gen;
  return PUSH;
}

const NO_ERROR = Symbol('no error');

/**
 * Run a goroutine's generator stack until it parks, is preempted or finishes; also used to run
 * Go code to completion outside the scheduler (then PARK/PREEMPT just end the drive).
 */
export function drive(stack: Generator<unknown, unknown, unknown>[], v: unknown): IteratorResult<unknown, unknown> {
  let err: unknown = NO_ERROR;
  for (;;) {
    const top = stack[stack.length - 1]!;
    let r: IteratorResult<unknown, unknown>;
    try {
      if (err === NO_ERROR) r = top.next(v);
      else { const e = err; err = NO_ERROR; r = top.throw(e); }
    } catch (e) {
      stack.pop();
      if (stack.length === 0) throw e;
      err = e;
      continue;
    }
    if (r.done) {
      stack.pop();
      if (stack.length === 0) return r;
      v = r.value;
      continue;
    }
    if (r.value === CALL) {
      const f = CALL.fn!, a = CALL.args!;
      CALL.fn = null;
      CALL.args = null;
      stack.push(f(...a));
      v = undefined;
      continue;
    }
    if (r.value === PUSH) {
      stack.push(PUSH.gen!);
      PUSH.gen = null;
      v = undefined;
      continue;
    }
    return r;
  }
}

/** The JS engine ran out of stack (as opposed to a Go stack overflow, which is a GoFatal). */
export function isJsStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}
