// The scheduler, channels and select driven directly by hand-written goroutines (JS generators),
// without the compiler: the API that lib/*.ts natives build on.
import { describe, it, expect } from 'vitest';
import { Scheduler } from '../../../gosim/runtime/scheduler.ts';
import { Channel, chanSend, chanRecv } from '../../../gosim/runtime/chan.ts';
import { select } from '../../../gosim/runtime/select.ts';
import { GoPanic } from '../../../gosim/runtime/panic.ts';

type G = Generator<unknown, void, unknown>;

function sched(seed = 1): Scheduler {
  let a = seed;
  return new Scheduler({
    random: () => { a = (a * 1103515245 + 12345) % 2147483648; return a / 2147483648; },
    maxSteps: 1e7, maxWallMs: 2000, maxGoroutines: 1000, maxStackDepth: 1000, now: () => Date.now(),
  });
}

describe('scheduler', () => {
  it('runs goroutines FIFO and main keeps running until it blocks', () => {
    const s = sched();
    const log: string[] = [];
    const ch = new Channel(0, () => 0, s);
    s.go(function* (): G {
      for (const name of ['a', 'b']) s.go(function* (): G { log.push(name); yield* chanSend(s, ch, name); }, []);
      log.push('main');
      log.push(String(yield* chanRecv(s, ch)));
      log.push(String(yield* chanRecv(s, ch)));
    }, []);
    expect(s.run()).toEqual({ kind: 'exit', code: 0, stderr: '' });
    expect(log).toEqual(['main', 'a', 'b', 'a', 'b']);
  });

  it('advances virtual time to the next timer when everyone sleeps', () => {
    const s = sched();
    const woke: number[] = [];
    s.go(function* (): G {
      for (const d of [30, 10, 20]) {
        s.go(function* (): G {
          const g = s.current;
          s.addTimer(s.now + d, () => s.ready(g));
          yield* s.park('sleep', null);
          woke.push(s.now);
        }, []);
      }
      const g = s.current;
      s.addTimer(s.now + 100, () => s.ready(g));
      yield* s.park('sleep', null);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(woke).toEqual([10, 20, 30]);
    expect(s.now).toBe(100);
  });

  it('a timer that keeps nobody alive does not postpone a deadlock', () => {
    const s = sched();
    s.go(function* (): G {
      s.addTimer(s.now + 1e9, () => undefined, () => false);
      yield* s.park('chan receive', null);
    }, []);
    const out = s.run();
    expect(out.kind).toBe('exit');
    expect(out.kind === 'exit' && out.stderr.startsWith('fatal error: all goroutines are asleep - deadlock!')).toBe(true);
    expect(s.now).toBe(0);
  });
});

// The scheduler's promise for timers due at the same instant: they fire in the order they were
// added. Real Go makes no such promise (its timer heap does not keep equal times in order), so
// this order is gosim's own; test/gosim/runtime/timer-order.test.ts shows it in Go programs.
describe('timers due at the same instant', () => {
  it('fire in the order they were added, whatever order their goroutines were started in', () => {
    const s = sched();
    const fired: string[] = [];
    s.go(function* (): G {
      for (const name of ['c', 'a', 'd', 'b']) s.addTimer(s.now + 10, () => fired.push(name));
      s.addTimer(s.now + 5, () => fired.push('earlier'));
      const g = s.current;
      s.addTimer(s.now + 20, () => s.ready(g));
      yield* s.park('sleep', null);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(fired).toEqual(['earlier', 'c', 'a', 'd', 'b']);
  });

  it('count a timer added while others fire, for the same instant or the past, after them', () => {
    const s = sched();
    const fired: string[] = [];
    s.go(function* (): G {
      s.addTimer(s.now + 10, () => {
        fired.push('first');
        // Set from inside a firing timer: due now (a past time counts as now), so it fires in
        // this same round, but after every timer that was already there.
        s.addTimer(s.now - 3, () => fired.push('added in the past'));
        s.addTimer(s.now, () => fired.push('added for now'));
      });
      s.addTimer(s.now + 10, () => fired.push('second'));
      const g = s.current;
      s.addTimer(s.now + 20, () => s.ready(g));
      yield* s.park('sleep', null);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(fired).toEqual(['first', 'second', 'added in the past', 'added for now']);
  });

  it('give a stopped timer set again the place of a new one', () => {
    const s = sched();
    const fired: string[] = [];
    s.go(function* (): G {
      const a = s.addTimer(s.now + 10, () => fired.push('a (stopped)'));
      s.addTimer(s.now + 10, () => fired.push('b'));
      expect(s.stopTimer(a)).toBe(true);
      expect(s.stopTimer(a)).toBe(false);
      s.addTimer(s.now + 10, () => fired.push('a again'));
      const g = s.current;
      s.addTimer(s.now + 20, () => s.ready(g));
      yield* s.park('sleep', null);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(fired).toEqual(['b', 'a again']);
  });

  it('wake their goroutines in the order the timers fire, not the order the goroutines started', () => {
    const s = sched();
    const woke: string[] = [];
    s.go(function* (): G {
      // x yields twice and z once before sleeping, so the timers are added as y, z, x.
      const sleeper = (name: string, yields: number) => function* (): G {
        for (let i = 0; i < yields; i++) yield* s.yieldNow();
        const g = s.current;
        s.addTimer(s.now + 10, () => s.ready(g));
        yield* s.park('sleep', null);
        woke.push(name);
      };
      s.go(sleeper('x', 2), []);
      s.go(sleeper('y', 0), []);
      s.go(sleeper('z', 1), []);
      const g = s.current;
      s.addTimer(s.now + 20, () => s.ready(g));
      yield* s.park('sleep', null);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(woke).toEqual(['y', 'z', 'x']);
  });
});

describe('channels', () => {
  it('buffers in FIFO order, then closed channels drain and give zero values with ok=false', () => {
    const s = sched();
    const got: unknown[] = [];
    s.go(function* (): G {
      const ch = new Channel(2, () => 0, s);
      expect(ch.trySend(1)).toBe(true);
      expect(ch.trySend(2)).toBe(true);
      expect(ch.trySend(3)).toBe(false);
      ch.close();
      for (let i = 0; i < 3; i++) { const v = yield* chanRecv(s, ch); got.push(v, ch.gotOk); }
      expect(() => ch.trySend(4)).toThrow(GoPanic);
      expect(() => ch.close()).toThrow(GoPanic);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(got).toEqual([1, true, 2, true, 0, false]);
  });

  it('wakes a blocked sender with a panic when the channel is closed', () => {
    const s = sched();
    let caught = '';
    s.go(function* (): G {
      const ch = new Channel(0, () => 0, s);
      s.go(function* (): G {
        try { yield* chanSend(s, ch, 1); } catch (e) { caught = e instanceof GoPanic ? 'panic' : 'other'; }
      }, []);
      yield* s.yieldNow();
      ch.close();
      yield* s.yieldNow();
    }, []);
    s.run();
    expect(caught).toBe('panic');
  });
});

describe('select', () => {
  it('takes default when nothing is ready, else a ready case, else blocks until one fires', () => {
    const s = sched();
    const seen: unknown[] = [];
    s.go(function* (): G {
      const a = new Channel(0, () => 0, s), b = new Channel(1, () => 0, s);
      let r = yield* select(s, [{ ch: a, send: false, value: undefined }, { ch: b, send: false, value: undefined }], true);
      seen.push(r.index);
      b.trySend(7);
      r = yield* select(s, [{ ch: a, send: false, value: undefined }, { ch: b, send: false, value: undefined }], true);
      seen.push(r.index, r.value);
      s.go(function* (): G { yield* chanSend(s, a, 9); }, []);
      r = yield* select(s, [{ ch: a, send: false, value: undefined }, { ch: null, send: false, value: undefined }], false);
      seen.push(r.index, r.value, a.recvq.length);
    }, []);
    expect(s.run().kind).toBe('exit');
    expect(seen).toEqual([-1, 1, 7, 0, 9, 0]);
  });

  it('chooses uniformly among ready cases', () => {
    const s = sched(42);
    const counts = [0, 0, 0];
    s.go(function* (): G {
      const chans = [0, 1, 2].map(() => new Channel(1000, () => 0, s));
      for (const c of chans) for (let i = 0; i < 1000; i++) c.trySend(i);
      for (let i = 0; i < 900; i++) {
        const r = yield* select(s, chans.map((ch) => ({ ch, send: false, value: undefined })), false);
        counts[r.index]!++;
      }
    }, []);
    s.run();
    for (const c of counts) expect(c).toBeGreaterThan(240);
  });
});
