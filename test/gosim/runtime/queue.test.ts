// The FIFO behind run queues, wait queues and channel buffers, checked against a plain array
// through wrap-around, growth and removal from the middle.
import { describe, expect, it } from 'vitest';
import { Queue } from '../../../gosim/runtime/queue.ts';
import { seededRandom } from '../../../gosim/runtime/random.ts';

describe('Queue', () => {
  it('keeps FIFO order while wrapping around its ring many times', () => {
    const q = new Queue<number>(4);
    let next = 0, expected = 0;
    for (let round = 0; round < 1000; round++) {
      for (let i = 0; i < 3; i++) q.push(next++);
      for (let i = 0; i < 3; i++) expect(q.shift()).toBe(expected++);
    }
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
    expect(q.peek()).toBeUndefined();
  });

  it('grows past its capacity with the order intact, from any head position', () => {
    const q = new Queue<number>(2);
    q.push(-1);
    q.shift();
    for (let i = 0; i < 100_000; i++) q.push(i);
    expect(q.length).toBe(100_000);
    expect([...q].slice(0, 3)).toEqual([0, 1, 2]);
    for (let i = 0; i < 100_000; i++) expect(q.shift()).toBe(i);
  });

  it('matches an array under random pushes, shifts, removals and clears', () => {
    const random = seededRandom(7);
    const q = new Queue<number>();
    let model: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const r = random();
      if (r < 0.45) {
        q.push(step);
        model.push(step);
      } else if (r < 0.8) {
        expect(q.shift()).toBe(model.shift());
      } else if (r < 0.98) {
        const x = model.length > 0 && random() < 0.9 ? model[Math.floor(random() * model.length)]! : -5;
        const i = model.indexOf(x);
        expect(q.remove(x)).toBe(i >= 0);
        if (i >= 0) model.splice(i, 1);
      } else {
        q.clear();
        model = [];
      }
      expect(q.length).toBe(model.length);
      expect(q.peek()).toBe(model[0]);
    }
    expect([...q]).toEqual(model);
    expect(q.some((x) => x === model[model.length - 1])).toBe(model.length > 0);
  });
});
