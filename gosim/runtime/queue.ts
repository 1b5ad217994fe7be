// A FIFO with O(1) push/shift that stays fast with 100k waiters (Array#shift is O(n) for big
// arrays) and supports removing an element from the middle (a select that fired elsewhere).
export class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number { return this.items.length - this.head; }

  push(x: T): void { this.items.push(x); }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }

  peek(): T | undefined { return this.head < this.items.length ? this.items[this.head] : undefined; }

  remove(x: T): boolean {
    const i = this.items.indexOf(x, this.head);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** Whether some element satisfies `pred` (a plain loop: hot paths avoid the generator below). */
  some(pred: (x: T) => boolean): boolean {
    for (let i = this.head; i < this.items.length; i++) if (pred(this.items[i] as T)) return true;
    return false;
  }

  *[Symbol.iterator](): Generator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }

  clear(): void { this.items = []; this.head = 0; }
}
