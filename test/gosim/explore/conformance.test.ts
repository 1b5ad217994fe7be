// explore() on the conformance corpus (test/conformance/programs/, goldens recorded from real
// Go). A program whose golden is one deterministic output must have no other outcome under any
// schedule; the idioms issue 4 names must moreover end in exactly ONE outcome, equal to the
// golden (stdout, exit status and the first line of stderr).
//
// Every search is capped by runs, never by time, so what this file checks is the same on any
// machine under any load: RUNS runs a program, or the cap CAPS gives it. With the cap, the
// search is deterministic, and the test says which way it must end: exhaustive (then the
// outcomes are exactly what every schedule gives) or stopped at its cap (then every outcome it
// found must still be allowed). A search that finishes where it used to stop, or the other way
// round, fails the test, so the table is kept true. MAX_MS is only there so that a hung search
// ends with a message rather than at vitest's timeout.
//
// Compile-error programs are checked against go build's report instead.
import { afterAll, describe, expect, it } from 'vitest';
import { explore, type ExploreResult } from '../../../gosim/index.ts';
import { loadGoldens, type Golden } from '../../conformance/goldens.ts';
import { compileErrorLines } from '../../conformance/crash-output.ts';
import { isCompileError } from '../../conformance/compare.ts';

const goldens = loadGoldens();

/** The run cap of every search CAPS does not name: enough for every search that can finish here. */
const RUNS = 5000;
/** Far above what any capped search takes (the slowest takes a few seconds); only a hung one gets here. */
const MAX_MS = 50_000;
/**
 * Wall time of one run. Generous, so that a loaded machine never turns a slow run into a
 * timeout outcome; the step budget still ends a run that would never stop, the same way each time.
 */
const RUN_WALL_MS = 30_000;

interface Cap {
  runs: number;
  /** How the search ends within `runs`: it finishes, or it is cut at the cap ('budget'), or a run went deeper than the explorer follows ('depth'). */
  ends: 'exhaustive' | 'budget' | 'depth';
  /** What was measured, which decided the cap. */
  why: string;
}

/**
 * Searches that do not finish within RUNS, with a cap that keeps each to about a second on two
 * cores (the file to well under a minute), and one that finishes only above it.
 */
const CAPS: Record<string, Cap> = {
  'conc/cond.go': { runs: 2000, ends: 'budget', why: 'not exhaustive at 25 000 runs' },
  'conc/waitgroup_go.go': { runs: 2000, ends: 'budget', why: 'not exhaustive at 25 000 runs' },
  'idiom/context_tree_shutdown.go': { runs: 2000, ends: 'budget', why: 'exhaustive at 8 192 runs (about 4 s bundled): too slow for this file' },
  'idiom/fan_in_waitgroup.go': { runs: 7000, ends: 'exhaustive', why: 'finishes after 5050 systematic runs (80% of the cap is systematic)' },
  'idiom/mutex_bank.go': { runs: 2000, ends: 'budget', why: 'not exhaustive at 25 000 runs' },
  'idiom/worker_pool.go': { runs: 2000, ends: 'budget', why: 'not exhaustive at 25 000 runs' },
  'idiom/cancel_by_close.go': { runs: 2000, ends: 'depth', why: 'its first run already passes the explorer\'s depth limit; the rest are random' },
  'conc/atomic_types.go': { runs: 300, ends: 'budget', why: 'about 3 ms a run; not exhaustive at 20 000 runs' },
  'conc/rwmutex.go': { runs: 300, ends: 'budget', why: 'about 2 ms a run; not exhaustive at 20 000 runs' },
  'conc/atomic_funcs.go': { runs: 100, ends: 'budget', why: 'about 14 ms a run; not exhaustive at 3 000 runs' },
  'conc/mutex_counter.go': { runs: 100, ends: 'budget', why: 'about 16 ms a run; not exhaustive at 3 000 runs' },
  'idiom/generator_done.go': { runs: 30, ends: 'budget', why: 'about 70 ms a run; not exhaustive at 3 000 runs' },
  'conc/select_fairness.go': { runs: 8, ends: 'budget', why: 'about 250 ms a run (1000 selects, each a choice); not exhaustive at 2 000 runs' },
};

const capOf = (id: string): Cap => CAPS[id] ?? { runs: RUNS, ends: 'exhaustive', why: '' };

/** The idioms issue 4 names, by the program that shows each. */
const IDIOMS: Record<string, string> = {
  'idiom/done_channel.go': 'done-channel signal',
  'idiom/leak_unbuffered_send.go': 'leak on unbuffered send',
  'crash/deadlock_range_unclosed.go': 'range over a channel nobody closes',
  'idiom/fan_in_waitgroup.go': 'fan-in with WaitGroup then close',
  'idiom/worker_pool.go': 'worker pool with directional channels',
  'idiom/cancel_by_close.go': 'cancellation by closing a channel',
  'idiom/select_timeout_loop.go': 'select with time.After timeout (loop)',
  'time/after_timeout.go': 'select with time.After timeout',
  'idiom/semaphore.go': 'buffered channel as semaphore',
  'idiom/pipeline.go': 'pipelines',
  'idiom/first_error_cancel.go': 'first-error cancellation with context',
  'idiom/ticker_loop.go': 'ticker loops',
};

/**
 * Programs whose output really does depend on the schedule in Go, though the golden records one
 * run. `groups` splits the golden's lines into consecutive groups whose lines may come in any
 * order within the group; every such arrangement, and nothing else, is what an exhaustive search
 * must find. `also` lists further outputs Go allows that are no such arrangement (a different
 * case of a select won). Without `groups` the search does not finish, and only crashes are ruled out.
 */
const SCHEDULE_DEPENDENT: Record<string, { why: string; groups?: number[]; also?: string[] }> = {
  'conc/go_unbuffered.go': { why: 'sender and receiver print after each hand-off, in either order', groups: [2, 2, 2, 1] },
  'conc/select_fairness.go': { why: 'counts which cases 1000 selects took; always the same case is a legal schedule' },
  // Goroutines made runnable at the same virtual instant may print in any order; the golden is
  // the order Go's playground happens to pick (see test/gosim/runtime/timer-order.test.ts).
  'playground/sleep_same_duration.go': { why: 'four sleepers wake at one instant', groups: [4] },
  'playground/afterfunc_same_delay.go': { why: 'four AfterFunc goroutines start at one instant', groups: [4] },
  'playground/timer_ticker_same_instant.go': { why: 'the third tick and the timer are read at one instant', groups: [1, 1, 2] },
  // A timer firing is a move of its own (docs/architecture.md, "Virtual time"): the sleeper's
  // timer may fire first, and its value reach the select before time.After's timer fires.
  'playground/after_vs_sleep_same_instant.go': {
    why: 'main and the sleeper wake at one instant', groups: [2, 1],
    also: ['sender woke\nreceived value\nbuffered: 0\n'],
  },
};

const counts = { exhaustive: 0, capped: 0 };
afterAll(() => {
  console.log(`explore on the conformance corpus: ${counts.exhaustive} searches exhaustive, ${counts.capped} stopped at their run cap as expected`);
});

const firstLine = (s: string): string => s.split('\n')[0]!;

interface Brief { stdout: string; exit: number; stderr1: string }
const brief = (o: { stdout: string; exitCode: number; fullStderr: string }): Brief => ({ stdout: o.stdout, exit: o.exitCode, stderr1: firstLine(o.fullStderr) });
const want = (g: Golden, stdout = g.stdouts[0]!): Brief => ({ stdout, exit: g.exit, stderr1: firstLine(g.stderr) });
const byStdout = (a: Brief, b: Brief): number => (a.stdout < b.stdout ? -1 : a.stdout > b.stdout ? 1 : 0);

/** Explores a golden within its cap and checks that the search ended the way the cap says. */
function exploreGolden(g: Golden): ExploreResult {
  const cap = capOf(g.id);
  const r = explore(g.source, { filename: g.filename, budget: cap.runs, maxMs: MAX_MS, maxWallMs: RUN_WALL_MS });
  expect(r.buildErrors).toBeNull();
  expect(r.stoppedBy, `stopped by ${r.stoppedBy} after ${r.runs} runs: only a hung search should reach ${MAX_MS} ms`).not.toBe('time');
  if (cap.ends === 'exhaustive') {
    expect(r.exhaustive, `exhaustive within ${cap.runs} runs (took ${r.runs}, stopped by ${r.stoppedBy})`).toBe(true);
    counts.exhaustive++;
  } else {
    expect(r.exhaustive, `not exhaustive within ${cap.runs} runs (${cap.why}); if it now is, update CAPS`).toBe(false);
    expect(r.stoppedBy).toBe(cap.ends);
    expect(r.runs).toBe(cap.runs);
    counts.capped++;
  }
  return r;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Every stdout made by arranging each group of the golden's lines in any order. */
function arrangements(stdout: string, groups: number[]): string[] {
  const lines = stdout.split('\n').slice(0, -1);
  expect(groups.reduce((a, b) => a + b, 0), 'the groups cover the golden').toBe(lines.length);
  let outs: string[] = [''];
  let at = 0;
  for (const size of groups) {
    const orders = permutations(lines.slice(at, at + size)).map((ls) => ls.map((l) => `${l}\n`).join(''));
    outs = outs.flatMap((head) => orders.map((o) => head + o));
    at += size;
  }
  return [...new Set(outs)];
}

const capNote = (id: string): string => {
  const cap = capOf(id);
  return cap.ends === 'exhaustive' ? `exhaustive within ${cap.runs} runs` : `${cap.runs} runs, not exhaustive`;
};

describe('the idioms issue 4 names: exactly one outcome, the golden', () => {
  for (const [id, what] of Object.entries(IDIOMS)) {
    const g = goldens.find((x) => x.id === id);
    it(`${what} (${id}, ${capNote(id)})`, () => {
      expect(g, `${id} is in the corpus`).toBeDefined();
      expect(g!.stdouts, 'one recorded output').toHaveLength(1);
      expect(exploreGolden(g!).outcomes.map(brief)).toEqual([want(g!)]);
    });
  }
});

describe('every other program of the corpus', () => {
  for (const g of goldens) {
    if (IDIOMS[g.id] !== undefined) continue;
    if (isCompileError(g)) {
      it(`${g.id}: reports go build's errors`, () => {
        const r = explore(g.source, { filename: g.filename });
        expect(r.buildErrors).not.toBeNull();
        expect(compileErrorLines(r.buildErrors!)).toEqual(compileErrorLines(g.stderr));
        expect(r.outcomes).toEqual([]);
      });
      continue;
    }
    const dependent = SCHEDULE_DEPENDENT[g.id];
    if (dependent !== undefined) {
      const { why, groups, also = [] } = dependent;
      it(`${g.id}: schedule-dependent in Go (${why}); ${groups ? 'every arrangement, the golden among them' : 'no crash'} (${capNote(g.id)})`, () => {
        const r = exploreGolden(g);
        expect(r.exhaustive, 'the groups of SCHEDULE_DEPENDENT are given exactly for the searches that finish').toBe(groups !== undefined);
        if (groups === undefined) {
          for (const o of r.outcomes) expect({ exit: brief(o).exit, stderr1: brief(o).stderr1 }).toEqual({ exit: g.exit, stderr1: firstLine(g.stderr) });
          return;
        }
        const expected = [...arrangements(g.stdouts[0]!, groups), ...also].map((s) => want(g, s));
        expect(r.outcomes.map(brief).sort(byStdout)).toEqual(expected.sort(byStdout));
      });
      continue;
    }
    it(`${g.id}: every outcome is ${g.stdouts.length === 1 ? 'the golden' : 'one of the recorded outputs'} (${capNote(g.id)})`, () => {
      const r = exploreGolden(g);
      const allowed = g.stdouts.map((s) => want(g, s));
      if (capOf(g.id).ends === 'exhaustive') {
        // Every schedule was tried (exploreGolden checked): each recorded output is reachable, and nothing else is.
        expect(r.outcomes.map(brief).sort(byStdout)).toEqual(allowed.sort(byStdout));
      } else {
        expect(r.outcomes.length).toBeGreaterThan(0);
        for (const o of r.outcomes) expect(allowed, `outcome with witness ${o.witness}`).toContainEqual(brief(o));
      }
    });
  }
});

it('caps only programs of the corpus', () => {
  const ids = new Set(goldens.map((g) => g.id));
  expect([...Object.keys(CAPS), ...Object.keys(SCHEDULE_DEPENDENT), ...Object.keys(IDIOMS)].filter((id) => !ids.has(id))).toEqual([]);
});
