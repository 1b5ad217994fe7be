// gosim's own memory budget (RunOptions.maxMemoryBytes). A Go program that allocates without
// end would otherwise grow the JS heap until the engine aborts the whole process, or the
// browser kills the page, so every place that makes program data counts what it makes, and
// an allocation that would take the count past the budget is refused before it is made: the
// program ends as Go ends one that runs out of memory ("fatal error: out of memory").
//
// The count is deterministic: it never looks at the JS heap, only at what the program asked
// for, priced in what gosim's representation of it costs in V8 (values.ts says what that is).
// There is no garbage collector to tell what is still in use, so the count is what was
// allocated, less what the program visibly gives back (a deleted map entry, a goroutine that
// exited, a deferred call that ran), and a few rules keep churn from adding up where the old
// value is almost always dropped: a slice that grows counts only its growth, `s = s + t`
// counts the bytes added, and values that live in variables (structs, arrays) are not
// counted unless they are put on the heap or fill a big frame, though a single one must fit
// in what is left. A goroutine counts a fixed amount and each frame its stack reaches, all
// given back when it ends.
import { GoFatal } from './panic.ts';
import type { Type } from '../types/types.ts';
import { under } from '../types/predicates.ts';

/** The budget when RunOptions.maxMemoryBytes is not given. */
export const DEFAULT_MAX_MEMORY_BYTES = 256 * 1024 * 1024;

// What things cost, in bytes of the JS heap of 64-bit V8, whose slots are 8 bytes wide (so a
// []byte element costs 8 here, not 1). Measured by retaining 200k of each in a program and
// comparing the heap with and without them.
export const SLOT = 8; // a value: an element of a JS array, a field of an object
export const OBJECT = 24; // a small object beyond its fields: header, properties, elements
export const ARRAY = 48; // a JS array beyond its elements: the array and its store's header
export const POINTER = OBJECT + 2 * SLOT; // a pointer, or a Box holding an escaped variable
export const IFACE = OBJECT + 2 * SLOT; // an interface value {t, v}
export const SLICE = OBJECT + 4 * SLOT; // a slice header {arr, off, len, cap}
export const STRING = 32; // a string's header, or the node V8 makes to join two strings
export const CLOSURE = 160; // a function value: the closure and the context it captured
export const MAP = 160; // a map without entries
export const MAP_ENTRY = 6 * SLOT + ARRAY; // the JS Map's entry and the [key, value] pair
export const CHANNEL = 560; // a channel and its queues of waiters; its buffer comes on top
export const TIMER = 640; // a pending timer, what it will run and the library's state for it
export const DEFER = 96; // a deferred call waiting for its function to return
// A goroutine with its first frame: a blocked one takes about 1.7 KB of heap, of which its
// function value is counted as a closure. Each deeper frame its stack reaches is counted once,
// FRAME plus the function's slots, and all of it is given back when the goroutine ends. A frame
// is more than its slots: the generators of the call and of the statement it waits in (a
// goroutine blocked 20 calls deep takes about 22 KB).
export const GOROUTINE = 1536;
export const FRAME = 1024;
/** The longest string V8 makes (2^29 - 24 one-byte characters); a longer one is out of memory too. */
export const MAX_STRING_LENGTH = (1 << 29) - 24;
/** Values at least this big are checked against what is left even where they are not counted. */
export const BIG_VALUE = 64 * 1024;

/** What the runtime's accounting needs from the run it belongs to (the Scheduler). */
export interface Budget {
  /** Count n more bytes, or end the program with Go's out-of-memory error when they do not fit. */
  alloc(n: number): void;
  /** Give back n bytes counted before. */
  free(n: number): void;
  /** A value that is not counted (it lives in a variable) must still fit in what is left. */
  fits(n: number): void;
  /** What is counted now. */
  readonly memInUse: number;
}

let current: Budget | null = null;

/** The budget of the run now executing Go code; set by the scheduler as a run starts. */
export function setBudget(b: Budget | null): void {
  current = b;
}

/**
 * For library code that builds values without a scheduler at hand (lib/*): counts against
 * the running program's budget, if a program is running.
 */
export function alloc(n: number): void {
  if (current !== null) current.alloc(n);
}

export function free(n: number): void {
  if (current !== null) current.free(n);
}

export function fits(n: number): void {
  if (current !== null) current.fits(n);
}

/** Refuse an allocation of n bytes whatever the budget (one JS cannot make at all). */
export function refuse(n: number): never {
  throw outOfMemory(n, current !== null ? current.memInUse : 0);
}

/** Go's words for an allocation that the budget refuses. */
export function outOfMemory(n: number, inUse: number): GoFatal {
  return new GoFatal('out of memory', true, `runtime: out of memory: cannot allocate ${Math.ceil(n)}-byte block (${inUse} in use)\n`);
}

/** The bytes `n` elements of `each` bytes take as a new JS array. */
export function arrayCost(n: number, each: number): number {
  return ARRAY + n * each;
}

const costs = new WeakMap<Type, number>();

/**
 * What one value of type t costs where it is stored: its slot, and for a struct or array the JS
 * array holding its fields or elements; an interface value and a slice header are small objects
 * of their own. What a pointer, map, channel or function refers to is counted where it is made.
 */
export function valueCost(t: Type): number {
  let c = costs.get(t);
  if (c !== undefined) return c;
  const u = under(t);
  switch (u.tag) {
    case 'Basic': c = u.kind === 'complex64' || u.kind === 'complex128' ? SLOT + OBJECT + 2 * SLOT : SLOT; break;
    case 'Struct': c = SLOT + ARRAY; for (const f of u.fields) c += valueCost(f.type); break;
    case 'Array': c = SLOT + ARRAY + u.len * valueCost(u.elem); break;
    case 'Interface': c = SLOT + IFACE; break;
    case 'Slice': c = SLOT + SLICE; break;
    default: c = SLOT;
  }
  costs.set(t, c);
  return c;
}

/** What new(T), &T{} or a variable moved to the heap (a Box) costs: the pointer and the value. */
export function heapCost(t: Type): number {
  return POINTER + valueCost(t) - SLOT;
}

/** One entry of a map of type m (a GoMap type), key and value included. */
export function entryCost(m: Type): number {
  const u = under(m);
  return u.tag === 'Map' ? MAP_ENTRY + valueCost(u.key) - SLOT + valueCost(u.elem) - SLOT : MAP_ENTRY;
}
