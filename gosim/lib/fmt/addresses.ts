// Fake but stable addresses for %p, for pointers printed below the top level, and for map-key
// ordering of pointers and channels. Each run (each NativeCtx) numbers the objects it meets in
// order, so a seeded run prints the same addresses every time.
import type { NativeCtx } from '../../runtime/native.ts';

const BASE = 0xc000010000;

interface Book { next: number; plain: WeakMap<object, number>; keyed: WeakMap<object, Map<string | number, number>> }

const books = new WeakMap<object, Book>();

function book(ctx: NativeCtx): Book {
  let b = books.get(ctx);
  if (!b) {
    b = { next: BASE, plain: new WeakMap(), keyed: new WeakMap() };
    books.set(ctx, b);
  }
  return b;
}

/** The address of a variable: a target object, and for an element or field of it, a key. */
export function addressOf(ctx: NativeCtx, target: object, key?: string | number): number {
  const b = book(ctx);
  if (key === undefined) {
    let a = b.plain.get(target);
    if (a === undefined) { a = b.next; b.next += 8; b.plain.set(target, a); }
    return a;
  }
  let m = b.keyed.get(target);
  if (!m) { m = new Map(); b.keyed.set(target, m); }
  let a = m.get(key);
  if (a === undefined) { a = b.next; b.next += 8; m.set(key, a); }
  return a;
}
