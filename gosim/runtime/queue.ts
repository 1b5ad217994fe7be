// A FIFO on a ring buffer: O(1) push and shift with no reallocation while its size stays within
// its capacity (a channel's buffer filling and draining a million times allocates nothing), room
// for 100k waiters (the ring doubles when full), and removal from the middle (a select that fired
// elsewhere takes its waiter out of the other channels' queues).
export class Queue<T> {
  /** Capacity is a power of two, so wrapping around is a mask. */
  private items: (T | undefined)[];
  private mask: number;
  private head = 0;
  /**
   * How many elements it holds. A field rather than a getter: channel fast paths read it on every
   * operation, and a getter is a call until V8 has optimized its caller. Only Queue writes it.
   */
  length = 0;

  /** `capacity`: the size it is expected to reach (a channel's buffer size), rounded up to a power of two. */
  constructor(capacity = 8) {
    let cap = 1;
    while (cap < capacity && cap < 1 << 16) cap <<= 1;
    this.items = new Array<T | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  push(x: T): void {
    if (this.length > this.mask) this.grow();
    this.items[(this.head + this.length++) & this.mask] = x;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const x = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return x;
  }

  peek(): T | undefined { return this.length > 0 ? this.items[this.head] : undefined; }

  /** The i-th element from the front (0 is the next one shift returns). */
  at(i: number): T { return this.items[(this.head + i) & this.mask] as T; }

  remove(x: T): boolean {
    let i = 0;
    while (i < this.length && this.at(i) !== x) i++;
    if (i === this.length) return false;
    // Close the gap: the elements behind it move one place forward.
    for (; i + 1 < this.length; i++) this.items[(this.head + i) & this.mask] = this.at(i + 1);
    this.items[(this.head + i) & this.mask] = undefined;
    this.length--;
    return true;
  }

  /** Whether some element satisfies `pred` (a plain loop: hot paths avoid the generator below). */
  some(pred: (x: T) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (pred(this.at(i))) return true;
    return false;
  }

  *[Symbol.iterator](): Generator<T> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const n = this.items.length;
    const items = new Array<T | undefined>(n * 2).fill(undefined);
    for (let i = 0; i < this.length; i++) items[i] = this.at(i);
    this.items = items;
    this.mask = n * 2 - 1;
    this.head = 0;
  }
}
