// The blocking natives on the real scheduler, replaying the scenarios of the golden Go programs
// (golden/*.go, whose recorded output is the expectation) step by step.
import { describe, expect, it } from 'vitest';
import { natives as rw } from '../../../gosim/lib/rwmutex.ts';
import { natives as onceN } from '../../../gosim/lib/once.ts';
import { natives as condN } from '../../../gosim/lib/cond.ts';
import { natives as timeN } from '../../../gosim/lib/timer.ts';
import { pkg as contextPkg } from '../../../gosim/lib/context.ts';
import { pkg as runtimePkg } from '../../../gosim/lib/runtime.ts';
import { newPointer } from '../../../gosim/lib/errors.ts';
import { Channel } from '../../../gosim/runtime/chan.ts';
import type { GoFunc } from '../../../gosim/runtime/native.ts';
import type { Iface, Pointer, StructValue } from '../../../gosim/runtime/values.ts';
import { libType, methods, MS, run, type Gen, type World } from './harness.ts';

const cx = contextPkg.natives;
const newRW = () => newPointer<StructValue>([[0, 0], 0, 0, 0, 0]);
const goFunc = (f: () => Gen) => f as unknown as GoFunc;

describe('sync.RWMutex', () => {
  it('stops new readers once a writer waits, and lets them in after it (golden/rwmutex.go)', () => {
    const { outcome, log } = run(function* (w) {
      const m = newRW();
      yield* w.call(rw, 'sync.RWMutex.RLock', m);
      w.log.push('r0 in');
      w.go(function* () {
        yield* w.sleep(10 * MS);
        yield* w.call(rw, 'sync.RWMutex.Lock', m);
        w.log.push(`writer in at ${w.ms()}`);
        yield* w.sleep(10 * MS);
        w.log.push('writer out');
        yield* w.call(rw, 'sync.RWMutex.Unlock', m);
      });
      w.go(function* () {
        yield* w.sleep(20 * MS);
        w.log.push(`TryRLock ${String(yield* w.call(rw, 'sync.RWMutex.TryRLock', m))}`);
        w.log.push(`TryLock ${String(yield* w.call(rw, 'sync.RWMutex.TryLock', m))}`);
        yield* w.call(rw, 'sync.RWMutex.RLock', m);
        w.log.push(`r1 in at ${w.ms()}`);
        yield* w.call(rw, 'sync.RWMutex.RUnlock', m);
      });
      yield* w.sleep(30 * MS);
      w.log.push('r0 out');
      yield* w.call(rw, 'sync.RWMutex.RUnlock', m);
      yield* w.sleep(100 * MS);
      w.log.push(`TryLock when free ${String(yield* w.call(rw, 'sync.RWMutex.TryLock', m))}`);
    });
    expect(outcome).toEqual({ kind: 'exit', code: 0, stderr: '' });
    expect(log).toEqual(['r0 in', 'TryRLock false', 'TryLock false', 'r0 out', 'writer in at 30', 'writer out',
      'r1 in at 40', 'TryLock when free true']);
  });

  it('parks with Go\'s wait reasons and reports RUnlock/Unlock of an unlocked RWMutex as fatal', () => {
    const { outcome } = run(function* (w) {
      const m = newRW();
      yield* w.call(rw, 'sync.RWMutex.Lock', m);
      w.go(function* () { yield* w.call(rw, 'sync.RWMutex.Lock', m); });
      w.go(function* () { yield* w.call(rw, 'sync.RWMutex.RLock', m); });
      yield* w.sleep(MS);
      yield* w.recv(null);
    });
    expect(outcome.kind === 'exit' && outcome.stderr).toBe('fatal error: all goroutines are asleep - deadlock!\n\n'
      + 'goroutine 1 [chan receive (nil chan)]:\n\n'
      // These goroutines have no Go frames of their own: only the library frames Go shows above a
      // goroutine waiting for that reason (runtime/libframes.ts).
      + 'goroutine 2 [sync.Mutex.Lock]:\n'
      + 'internal/sync.runtime_SemacquireMutex(...)\n\t/usr/local/go/src/runtime/sema.go:95\n'
      + 'internal/sync.(*Mutex).lockSlow(...)\n\t/usr/local/go/src/internal/sync/mutex.go:149\n'
      + 'internal/sync.(*Mutex).Lock(...)\n\t/usr/local/go/src/internal/sync/mutex.go:70\n'
      + 'sync.(*Mutex).Lock(...)\n\t/usr/local/go/src/sync/mutex.go:46\n\n'
      + 'goroutine 3 [sync.RWMutex.RLock]:\n'
      + 'sync.runtime_SemacquireRWMutexR(...)\n\t/usr/local/go/src/runtime/sema.go:100\n'
      + 'sync.(*RWMutex).RLock(...)\n\t/usr/local/go/src/sync/rwmutex.go:74\n');

    const r = run(function* (w) {
      const m = newRW();
      yield* w.call(rw, 'sync.RWMutex.RLock', m);
      yield* w.call(rw, 'sync.RWMutex.RUnlock', m);
      yield* w.call(rw, 'sync.RWMutex.RUnlock', m);
    });
    expect(r.outcome.kind === 'exit' && r.outcome.stderr.split('\n')[0]).toBe('fatal error: sync: RUnlock of unlocked RWMutex');
    const u = run(function* (w) { yield* w.call(rw, 'sync.RWMutex.Unlock', newRW()); });
    expect(u.outcome.kind === 'exit' && u.outcome.stderr.split('\n')[0]).toBe('fatal error: sync: Unlock of unlocked RWMutex');
  });
});

describe('sync.Once', () => {
  it('makes concurrent callers wait for the first f, and counts a panicking f as done (golden/once.go)', () => {
    const { outcome, log } = run(function* (w) {
      const once = newPointer<StructValue>([0, [0, 0]]);
      let left = 5;
      for (let i = 0; i < 5; i++) {
        w.go(function* () {
          yield* w.call(onceN, 'sync.Once.Do', once, goFunc(function* () {
            yield* w.sleep(100 * MS);
            w.log.push(`init by ${i}`);
          }));
          w.log.push(`${i} sees init done after ${w.ms()}`);
          left--;
        });
        yield* w.sleep(MS);
      }
      yield* w.sleep(200 * MS);
      expect(left).toBe(0);
      const p = newPointer<StructValue>([0, [0, 0]]);
      try {
        yield* w.call(onceN, 'sync.Once.Do', p, goFunc(function* () { throw new Error('f panicked'); }));
      } catch (e) { w.log.push((e as Error).message); }
      yield* w.call(onceN, 'sync.Once.Do', p, goFunc(function* () { w.log.push('never runs'); }));
      w.log.push('second Do returned');
    });
    expect(outcome.kind).toBe('exit');
    expect(log).toEqual(['init by 0', '0 sees init done after 100', '1 sees init done after 100',
      '2 sees init done after 100', '3 sees init done after 100', '4 sees init done after 100', 'f panicked',
      'second Do returned']);
  });
});

describe('sync.Cond', () => {
  it('hands a bounded queue between producer and consumer in Go\'s order (golden/cond.go)', () => {
    const { outcome, log } = run(function* (w) {
      // An RWMutex's write lock stands in for the Mutex (lib/sync.ts belongs to the runtime).
      const mu = newRW();
      const lockerType = libType('sync.testLocker');
      methods.set(lockerType, {
        Lock: (m) => w.call(rw, 'sync.RWMutex.Lock', m),
        Unlock: (m) => w.call(rw, 'sync.RWMutex.Unlock', m),
      });
      const cond = (yield* w.call(condN, 'sync.NewCond', { t: lockerType, v: mu } satisfies Iface)) as Pointer<StructValue>;
      const queue: number[] = [];
      let consumed = 0;
      w.go(function* () {
        for (; consumed < 6; consumed++) {
          yield* w.call(rw, 'sync.RWMutex.Lock', mu);
          while (queue.length === 0) yield* w.call(condN, 'sync.Cond.Wait', cond);
          const v = queue.shift();
          yield* w.call(rw, 'sync.RWMutex.Unlock', mu);
          w.log.push(`consumed ${v}`);
          yield* w.call(condN, 'sync.Cond.Signal', cond);
        }
      });
      for (let i = 0; i < 6; i++) {
        yield* w.call(rw, 'sync.RWMutex.Lock', mu);
        while (queue.length === 2) yield* w.call(condN, 'sync.Cond.Wait', cond);
        queue.push(i);
        w.log.push(`produced ${i}`);
        yield* w.call(rw, 'sync.RWMutex.Unlock', mu);
        yield* w.call(condN, 'sync.Cond.Signal', cond);
      }
      while (consumed < 6) yield* w.sleep(MS);
    });
    expect(outcome.kind).toBe('exit');
    expect(log).toEqual(['produced 0', 'produced 1', 'consumed 0', 'consumed 1', 'produced 2', 'produced 3',
      'consumed 2', 'consumed 3', 'produced 4', 'produced 5', 'consumed 4', 'consumed 5']);
  });
});

describe('timers', () => {
  const timerC = (t: Pointer<StructValue>) => t.load()[0] as Channel;
  it('Stop and Reset report what they stopped and leave no stale value (golden/timers.go)', () => {
    const { outcome, log } = run(function* (w) {
      const call = (k: string, ...a: unknown[]) => w.call(timeN, k, ...a);
      const t = (yield* call('time.NewTimer', 50 * MS)) as Pointer<StructValue>;
      w.log.push(`stop pending ${String(yield* call('time.Timer.Stop', t))} again ${String(yield* call('time.Timer.Stop', t))}`);
      w.log.push(`reset stopped ${String(yield* call('time.Timer.Reset', t, 20 * MS))}`);
      yield* w.recv(timerC(t));
      w.log.push(`fired at ${w.ms()}; stop ${String(yield* call('time.Timer.Stop', t))}`);
      const t2 = (yield* call('time.NewTimer', 10 * MS)) as Pointer<StructValue>;
      yield* w.sleep(30 * MS);
      w.log.push(`stop fired unreceived ${String(yield* call('time.Timer.Stop', t2))} buffered ${timerC(t2).len}`);
      const t3 = (yield* call('time.NewTimer', 10 * MS)) as Pointer<StructValue>;
      yield* w.sleep(20 * MS);
      w.log.push(`reset fired unreceived ${String(yield* call('time.Timer.Reset', t3, 30 * MS))}`);
      const mark = w.ms();
      yield* w.recv(timerC(t3));
      w.log.push(`reset timer fired after ${w.ms() - mark}`);
      let ran = -1;
      const af = (yield* call('time.AfterFunc', 40 * MS, goFunc(function* () { ran = w.ms(); }))) as Pointer<StructValue>;
      yield* w.sleep(50 * MS);
      w.log.push(`AfterFunc at ${ran}; stop ${String(yield* call('time.Timer.Stop', af))}; C nil ${af.load()[0] === null}`);
    });
    expect(outcome).toEqual({ kind: 'exit', code: 0, stderr: '' });
    expect(log).toEqual(['stop pending true again false', 'reset stopped false', 'fired at 20; stop false',
      'stop fired unreceived true buffered 0', 'reset fired unreceived true', 'reset timer fired after 30',
      'AfterFunc at 140; stop false; C nil true']);
  });

  it('ticks on schedule, drops ticks a slow reader misses, and stops (golden/ticker.go)', () => {
    const { outcome, log } = run(function* (w) {
      const tk = (yield* w.call(timeN, 'time.NewTicker', 100 * MS)) as Pointer<StructValue>;
      for (let n = 1; n <= 3; n++) {
        yield* w.recv(timerC(tk));
        w.log.push(`tick ${n} ${w.ms()}`);
      }
      yield* w.call(timeN, 'time.Ticker.Stop', tk);
      const slow = (yield* w.call(timeN, 'time.NewTicker', 20 * MS)) as Pointer<StructValue>;
      yield* w.sleep(70 * MS);
      w.log.push(`buffered after slow reader ${timerC(slow).len}`);
      yield* w.call(timeN, 'time.Ticker.Reset', slow, 50 * MS);
      const mark = w.ms();
      yield* w.recv(timerC(slow));
      w.log.push(`after Reset ${w.ms() - mark}`);
      yield* w.call(timeN, 'time.Ticker.Stop', slow);
    });
    expect(outcome.kind).toBe('exit');
    expect(log).toEqual(['tick 1 100', 'tick 2 200', 'tick 3 300', 'buffered after slow reader 1', 'after Reset 50']);
  });

  it('reports a deadlock although a time.After channel nobody waits on is pending (golden/deadlock_after.go)', () => {
    const { outcome, world } = run(function* (w) {
      yield* w.call(timeN, 'time.After', 3600e9);
      yield* w.call(timeN, 'time.NewTicker', 1e9);
      yield* w.recv(new Channel(0, () => 0, w.sched));
    });
    expect(outcome.kind === 'exit' && outcome.stderr.split('\n')[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
    expect(world.sched.now).toBe(0);
  });

  it('keeps the program alive while someone waits on the timer', () => {
    const { outcome, world } = run(function* (w) {
      yield* w.recv((yield* w.call(timeN, 'time.After', 3600e9)) as Channel);
    });
    expect(outcome).toEqual({ kind: 'exit', code: 0, stderr: '' });
    expect(world.sched.now).toBe(3600e9);
  });
});

describe('context', () => {
  const bg = (w: World) => w.call(cx, 'context.Background');
  it('times out at the deadline, cancels children, and keeps cancel idempotent (golden/ctx_timeout.go)', () => {
    const { outcome, log } = run(function* (w) {
      const [ctx] = (yield* w.call(cx, 'context.WithTimeout', yield* bg(w), 50 * MS)) as [Iface, GoFunc];
      const cctx = ctx.v as Pointer<StructValue>;
      const [child, cancelChild] = (yield* w.call(cx, 'context.WithCancel', ctx)) as [Iface, GoFunc];
      const childP = child.v as Pointer<StructValue>;
      // A *timerCtx reaches Done and Err through its embedded cancelCtx, as promoted methods.
      const inner = newPointer(cctx.load()[0] as StructValue);
      yield* w.recv((yield* w.call(cx, 'context.cancelCtx.Done', inner)) as Channel);
      const err = (yield* w.call(cx, 'context.cancelCtx.Err', inner)) as Iface;
      w.log.push(`done at ${w.ms()}: ${String(yield* w.call(cx, 'context.deadlineExceededError.Error'))} ${err.t === libType('context.deadlineExceededError')}`);
      const childErr = (yield* w.call(cx, 'context.cancelCtx.Err', childP)) as Iface;
      w.log.push(`child canceled too: ${childErr.t === err.t}`);
      yield* cancelChild();
      yield* cancelChild();
    });
    expect(outcome).toEqual({ kind: 'exit', code: 0, stderr: '' });
    expect(log).toEqual(['done at 50: context deadline exceeded true', 'child canceled too: true']);
  });

  it('cancels down the tree but never up, and runs AfterFunc in its own goroutine (golden/ctx_tree.go)', () => {
    const { outcome, log } = run(function* (w) {
      const [root, cancelRoot] = (yield* w.call(cx, 'context.WithCancel', yield* bg(w))) as [Iface, GoFunc];
      const [child, cancelChild] = (yield* w.call(cx, 'context.WithCancel', root)) as [Iface, GoFunc];
      const errOf = (c: Iface) => w.call(cx, 'context.cancelCtx.Err', c.v);
      let ranIn = 0;
      const stop = (yield* w.call(cx, 'context.AfterFunc', child, goFunc(function* () { ranIn = w.sched.current.id; }))) as GoFunc;
      yield* cancelChild();
      w.log.push(`root ${(yield* errOf(root)) === null ? 'live' : 'canceled'}, child ${(yield* errOf(child)) === null ? 'live' : 'canceled'}`);
      const canceled = yield* errOf(child);
      yield* w.sleep(MS);
      w.log.push(`AfterFunc ran in goroutine ${ranIn}; stop ${String(yield* stop())}`);
      const [late] = (yield* w.call(cx, 'context.WithCancel', child)) as [Iface, GoFunc];
      w.log.push(`born canceled ${(yield* errOf(late)) === canceled}`);
      yield* cancelRoot();
      w.log.push(`goroutines ${String(yield* w.call(runtimePkg.natives, 'runtime.NumGoroutine'))}`);
    });
    expect(outcome).toEqual({ kind: 'exit', code: 0, stderr: '' });
    expect(log).toEqual(['root live, child canceled', 'AfterFunc ran in goroutine 2; stop false', 'born canceled true',
      'goroutines 1']);
  });
});
