// explore(): the outcomes issue 4 says it must find, each against a set of outcomes written by
// hand (see programs.ts for each program and what real Go showed), and how a search reports
// being exhaustive, out of budget or out of time.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explore, run } from '../../../gosim/index.ts';
import * as P from './programs.ts';
import { DEADLOCK, crashed, interleavings, ok, outcomeSet, printerLines, sorted } from './outcomes.ts';

describe('explore finds every outcome', () => {
  it('of a select with two ready cases: both', () => {
    const r = explore(P.selectTwoReady);
    expect(outcomeSet(r)).toEqual(sorted([ok('a 1\n'), ok('b 2\n')]));
    expect(r.exhaustive).toBe(true);
    expect(r.buildErrors).toBeNull();
  });

  it('of 2 goroutines printing 2 lines each without synchronization: all 6 orders', () => {
    const r = explore(P.unsyncPrinters(2, 2));
    const want = interleavings([printerLines(0, 2), printerLines(1, 2)]);
    expect(want).toHaveLength(6);
    expect(outcomeSet(r)).toEqual(sorted(want.map(ok)));
    expect(r.exhaustive).toBe(true);
  });

  it('of 3 goroutines printing 2 lines each without synchronization: all 90 orders', () => {
    const r = explore(P.unsyncPrinters(3, 2));
    const want = interleavings([printerLines(0, 2), printerLines(1, 2), printerLines(2, 2)]);
    expect(want).toHaveLength(90);
    const got = outcomeSet(r);
    expect(got).toHaveLength(90);
    for (const s of [
      'g0 step0\ng0 step1\ng1 step0\ng1 step1\ng2 step0\ng2 step1\n',
      'g2 step0\ng2 step1\ng1 step0\ng1 step1\ng0 step0\ng0 step1\n',
      'g1 step0\ng2 step0\ng0 step0\ng0 step1\ng2 step1\ng1 step1\n',
      'g2 step0\ng0 step0\ng1 step0\ng1 step1\ng0 step1\ng2 step1\n',
    ]) expect(got).toContain(ok(s));
    expect(got).toEqual(sorted(want.map(ok)));
    expect(r.exhaustive).toBe(true);
  });

  it('of main returning while a goroutine may or may not have printed: all 3', () => {
    // Real Go shows all three (programs.ts).
    const r = explore(P.printRacesExit);
    expect(outcomeSet(r)).toEqual(sorted([ok('main\n'), ok('hi\nmain\n'), ok('main\nhi\n')]));
  });

  it('of a select/default polling a channel a goroutine fills: both', () => {
    // Real Go shows both (programs.ts).
    const r = explore(P.pollRacesSend);
    expect(outcomeSet(r)).toEqual(sorted([ok('empty\n'), ok('got 1\n')]));
  });

  it('of a deadlock that happens only under some interleavings (non-blocking send)', () => {
    const r = explore(P.deadlockSometimes);
    expect(outcomeSet(r)).toEqual(sorted([ok('1\n'), crashed('', DEADLOCK)]));
    const dead = r.outcomes.find((o) => o.crash === DEADLOCK)!;
    expect(dead.exitCode).toBe(2);
    expect(dead.fullStderr).toMatch(/^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[chan receive\]:/);
    expect(r.exhaustive).toBe(true);
  });

  it('of a lock-order deadlock between two mutexes', () => {
    const r = explore(P.lockOrderDeadlock);
    expect(outcomeSet(r)).toEqual(sorted([ok('done\n'), crashed('', DEADLOCK)]));
    expect(r.exhaustive).toBe(true);
  });

  it('of a panic that happens only under some interleavings (send racing with close)', () => {
    const r = explore(P.sendRacesClose);
    expect(outcomeSet(r)).toEqual(sorted([ok('1 true\n'), crashed('', 'panic: send on closed channel')]));
    const p = r.outcomes.find((o) => o.crash !== null)!;
    expect(p.fullStderr).toMatch(/^panic: send on closed channel\n\ngoroutine \d+ \[running\]:\nmain\.main\.func1\(\)/);
    expect(r.exhaustive).toBe(true);
  });

  it('of a WaitGroup whose Add runs inside the goroutine: Wait may return before it', () => {
    const r = explore(P.waitGroupAddInside);
    expect(outcomeSet(r)).toEqual(sorted([ok('n = 0\n'), ok('n = 1\n')]));
  });

  it('of five workers told to stop by one close: their selects seeing it commute (under 200 runs)', () => {
    const src = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'explore', 'cancel5.go'), 'utf8');
    const r = explore(src, { budget: 200 });
    expect(outcomeSet(r)).toEqual([ok('jobs done: 2\n')]);
    expect(r.exhaustive).toBe(true);
  });

  it('of an Add inside a goroutine racing two Dones: Wait may return before the Add', () => {
    const r = explore(P.waitGroupAddRacesDones);
    expect(outcomeSet(r)).toEqual(sorted([ok('C W\n'), ok('W\n'), ok('W\nC ')]));
    expect(r.exhaustive).toBe(true);
  });
});

describe('explore finds exactly one outcome of a deterministic program', () => {
  const one: [string, string, string][] = [
    ['a mutex-protected counter', P.mutexCounter, 'n = 4\n'],
    ['a sync/atomic counter', P.atomicCounter, 'n = 33\n'],
    ['unbuffered ping-pong', P.pingPong, 'ping 0\npong 0\nping 1\npong 1\nping 2\npong 2\nend 3 false\n'],
    ['time.After firing before a sleeping sender (virtual time)', P.afterVsSleeper(50, 10), 'timeout\n'],
    ['a sleeping sender beating time.After (virtual time)', P.afterVsSleeper(10, 50), 'got value\n'],
    ['context cancellation seen by a worker', P.contextCancel(1), 'cancelling\nworker stopped: context canceled\nmain done\n'],
  ];
  for (const [name, src, stdout] of one) {
    it(name, () => {
      const r = explore(src);
      expect(outcomeSet(r)).toEqual([ok(stdout)]);
      expect(r.exhaustive).toBe(true);
      expect(r.stoppedBy).toBeNull();
      expect(r.randomRuns).toBe(0);
    });
  }

  it('sync.Cond with Signal after each Unlock never deadlocks', () => {
    const r = explore(P.condSignal, { budget: 5000 });
    expect(outcomeSet(r)).toEqual([ok('done\n')]);
  });

  it('a program without goroutines ends as a plain run does (context error compared with context.Canceled)', () => {
    const plain = run(P.contextErrCompare);
    expect(plain).toMatchObject({ stdout: 'true\n', exitCode: 0, stderr: '' });
    const r = explore(P.contextErrCompare);
    expect(outcomeSet(r)).toEqual([ok('true\n')]);
    expect(r.exhaustive).toBe(true);
  });

  it('a goroutine spinning on local work never keeps main from printing and returning', () => {
    // Real Go preempts the spinner; a timeout here would be the search's own doing.
    const r = explore(`package main

import "fmt"

func main() {
	go func() {
		for {
		}
	}()
	fmt.Println("x")
}
`);
    expect(outcomeSet(r)).toEqual([ok('x\n')]);
    expect(r.exhaustive).toBe(true);
  });

  it('context cancellation seen by two workers (one outcome in every run made)', () => {
    // Not required to be exhaustive: with two workers the search does not finish within the
    // default 5000 runs (context's own locking multiplies the schedules), so only the outcome is checked.
    const r = explore(P.contextCancel(2), { budget: 1500 });
    expect(outcomeSet(r)).toEqual([ok('cancelling\nworker stopped: context canceled\nworker stopped: context canceled\nmain done\n')]);
  });
});

describe('how a search ends', () => {
  it('is exhaustive on a small program, with no random runs', () => {
    const r = explore(P.selectTwoReady, { budget: 100 });
    expect(r).toMatchObject({ exhaustive: true, stoppedBy: null, randomRuns: 0, buildErrors: null });
    expect(r.runs).toBe(r.systematicRuns);
    expect(r.runs).toBeLessThanOrEqual(100);
    expect(r.states).toBeGreaterThan(0);
  });

  it('stops at a tiny budget on a big one, and spends the rest on random schedules', () => {
    const r = explore(P.unsyncPrinters(3, 3), { budget: 10 });
    expect(r.exhaustive).toBe(false);
    expect(r.stoppedBy).toBe('budget');
    expect(r.runs).toBe(10);
    expect(r.randomRuns).toBeGreaterThan(0);
    expect(r.systematicRuns + r.randomRuns).toBe(10);
    expect(r.outcomes.length).toBeGreaterThan(1);
    const all = new Set(interleavings([printerLines(0, 3), printerLines(1, 3), printerLines(2, 3)]));
    for (const o of r.outcomes) {
      expect(o.exitCode).toBe(0);
      expect(all.has(o.stdout), o.stdout).toBe(true);
    }
    // Runs cut short because they would only repeat covered schedules (sleep sets) have no outcome.
    expect(r.outcomes.reduce((n, o) => n + o.runs, 0)).toBeLessThanOrEqual(10);
    expect(r.outcomes.reduce((n, o) => n + o.runs, 0)).toBeGreaterThanOrEqual(r.randomRuns);
  });

  it('stops at maxMs', () => {
    // 4 goroutines x 3 prints: 369600 orders, far more than fit in 300 ms.
    const r = explore(P.unsyncPrinters(4, 3), { budget: 1_000_000, maxMs: 300 });
    expect(r.exhaustive).toBe(false);
    expect(r.stoppedBy).toBe('time');
    expect(r.runs).toBeGreaterThan(0);
    expect(r.runs).toBeLessThan(1_000_000);
  });

  it('reports a program that does not build', () => {
    const r = explore('package main\n\nfunc main() {\n\tx := 1\n}\n');
    expect(r.buildErrors).toBe('# command-line-arguments\n./prog.go:4:2: declared and not used: x\n');
    expect(r.outcomes).toEqual([]);
  });
});
