// The shapes of compiled code. An expression compiles to a plain closure when evaluating it can
// never block or call Go code (`s`), and always to a generator closure (`g`) that callers use
// with `yield*` otherwise; statements likewise. Frames hold the function's variables in slots.
import type { Frame } from '../runtime/goroutine.ts';

export type Gen<T = unknown> = Generator<unknown, T, unknown>;
export type SyncE = (fr: Frame) => unknown;
export type GenE = (fr: Frame) => Gen;

export interface E {
  s: SyncE | null;
  g: GenE;
  /** Set when the expression is a constant: its value. */
  k?: { v: unknown };
  /** Set when the expression reads a local variable held directly in a frame slot: the slot. */
  slot?: number;
}

export function sy(s: SyncE): E {
  return { s, g: function* (fr) { return s(fr); } };
}

/**
 * A constant, and a read of a local variable's slot: marked so that the operations using them
 * (binary operators, `x += y`) read the value in place rather than calling a closure for it.
 */
export function constE(v: unknown): E {
  const e = sy(() => v);
  e.k = { v };
  return e;
}

export function slotE(slot: number): E {
  const e = sy((fr) => fr.s[slot]);
  e.slot = slot;
  return e;
}

export function gn(g: GenE): E {
  return { s: null, g };
}

/** Non-local control flow out of a statement: break, continue, return, fallthrough. */
export class Ctl {
  constructor(readonly kind: 'break' | 'continue' | 'return' | 'fallthrough' | 'goto', readonly label: string | null) {}
}
export const RETURN = new Ctl('return', null);
export const BREAK = new Ctl('break', null);
export const CONTINUE = new Ctl('continue', null);
export const FALLTHROUGH = new Ctl('fallthrough', null);

export type R = Ctl | undefined;
export type SyncS = (fr: Frame) => R;
export type GenS = (fr: Frame) => Gen<R>;
/**
 * A blocking statement's fast path: finishes synchronously when it can, and only hands back a
 * generator (for the caller to `yield*`) when the goroutine must really park.
 */
export type FastS = (fr: Frame) => R | Gen<R>;

/**
 * How to start a statement as cheaply as it allows: its sync form, else its fast path, else its
 * generator. The result is the statement's R when it finished, or a generator to `yield*`.
 */
export function starter(st: S): FastS {
  return st.s ?? st.f ?? st.g;
}

/** Whether a started statement (see starter) still has to be driven with `yield*`. */
export function pending(x: R | Gen<R>): x is Gen<R> {
  return x !== undefined && !(x instanceof Ctl);
}

export interface S {
  s: SyncS | null;
  g: GenS;
  /** Optional fast path, same effect as `g` (see FastS); callers may use either. */
  f?: FastS;
  /**
   * Set on a block holding one blocking statement, compiled without a wrapper: whoever runs it
   * sets `fr.line` to this first (saves a generator per execution on hot loop bodies).
   */
  line?: number;
}

export function ss(s: SyncS): S {
  return { s, g: function* (fr) { return s(fr); } };
}

export function gs(g: GenS): S {
  return { s: null, g };
}
