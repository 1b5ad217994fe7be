// Every outcome's witness replays exactly: run(src, { replay }) gives the same stdout, exit
// status and whole stderr as the run that found it.
import { describe, expect, it } from 'vitest';
import { explore, run } from '../../../gosim/index.ts';
import * as P from './programs.ts';

const cases: [string, string][] = [
  ['a select with two ready cases', P.selectTwoReady],
  ['3 goroutines printing 2 lines each', P.unsyncPrinters(3, 2)],
  ['a deadlock under some interleavings', P.deadlockSometimes],
  ['a lock-order deadlock', P.lockOrderDeadlock],
  ['a send racing with close', P.sendRacesClose],
  ['an atomic counter', P.atomicCounter],
  ['time.After against a sleeping sender', P.afterVsSleeper(50, 10)],
];

describe('replaying a witness', () => {
  for (const [name, src] of cases) {
    it(`reproduces every outcome of ${name}`, () => {
      const r = explore(src);
      expect(r.outcomes.length).toBeGreaterThan(0);
      for (const o of r.outcomes) {
        // `v1:` and the choices, dot-separated, `k*n` standing for n times k.
        expect(o.witness).toMatch(/^v1:(\d+(\*\d+)?(\.\d+(\*\d+)?)*)?$/);
        const again = run(src, { replay: o.witness });
        expect({ stdout: again.stdout, exitCode: again.exitCode, stderr: again.stderr, fitted: again.replayFitted }, o.witness)
          .toEqual({ stdout: o.stdout, exitCode: o.exitCode, stderr: o.fullStderr, fitted: true });
      }
    });
  }

  it('reproduces outcomes found by the random phase too', () => {
    const src = P.unsyncPrinters(3, 3);
    const r = explore(src, { budget: 40 });
    expect(r.randomRuns).toBeGreaterThan(0);
    for (const o of r.outcomes) {
      const again = run(src, { replay: o.witness });
      expect([again.stdout, again.exitCode, again.stderr, again.replayFitted]).toEqual([o.stdout, o.exitCode, o.fullStderr, true]);
    }
  });

  it('says when a witness does not fit the program', () => {
    const r = run(P.selectTwoReady, { replay: 'v1:9.9.9' });
    expect(r.replayFitted).toBe(false);
    const p = run(P.unsyncPrinters(2, 2), { replay: 'v1:7.7.7.7' });
    expect(p.replayFitted).toBe(false);
  });

  it('leaves replayFitted unset on a run without a witness', () => {
    expect(run(P.selectTwoReady).replayFitted).toBeUndefined();
  });

  it('rejects a malformed witness with exit status 2 and a clear message', () => {
    for (const w of ['abc', 'v1:1.x.2', 'v2:1', 'v1:1**2']) {
      const r = run(P.selectTwoReady, { replay: w });
      expect(r.exitCode, w).toBe(2);
      expect(r.stdout, w).toBe('');
      expect(r.stderr, w).toMatch(/^gosim: bad replay witness: .+\n$/);
    }
  });
});
