// Virtual time in explore mode: timers due at one instant fire as moves of their own, in any
// order with each other and with the goroutines that can move at that instant (docs/architecture.md,
// "Virtual time"). Each program here has outcomes that need a timer to fire before or after
// another timer's or a goroutine's move; the sets are exact, and the reduced search must find
// the same set as the unreduced one where that one finishes. `run` itself keeps its one order
// (test/gosim/runtime/timer-order.test.ts).
import { describe, expect, it } from 'vitest';
import { explore, run } from '../../../gosim/index.ts';
import { prog } from './programs.ts';
import { ok, outcomeSet } from './outcomes.ts';

const both = (src: string, unreduced = true) => {
  const r = explore(src, { budget: 20_000 });
  expect(r.exhaustive).toBe(true);
  // run's one order (all due timers fire first) is among the explored schedules.
  expect(r.outcomes.map((o) => o.stdout)).toContain(run(src).stdout);
  if (unreduced) {
    const u = explore(src, { budget: 20_000, reduce: false });
    expect(u.exhaustive).toBe(true);
    expect(outcomeSet(r)).toEqual(outcomeSet(u));
  }
  return r;
};

/** A goroutine sends a result after sleeping 10ms; main selects on it and on time.After(ms). */
const resultOrTimeout = (ms: number): string => prog(['fmt', 'time'], `
	ch := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		ch <- 1
	}()
	select {
	case v := <-ch:
		fmt.Println("result", v)
	case <-time.After(${ms} * time.Millisecond):
		fmt.Println("timeout")
	}
`);

describe('timers due at one instant, explored', () => {
  it('a result sent at 10ms and time.After(10ms) in one select: either wins', () => {
    const src = resultOrTimeout(10);
    expect(outcomeSet(both(src))).toEqual([ok('result 1\n'), ok('timeout\n')]);
    // run keeps one order: the timers due together fire in the order they were set.
    expect(run(src).stdout).toBe('timeout\n');
  });

  it('two sleepers wake at one instant and print: either first', () => {
    const src = prog(['fmt', 'time'], `
	done := make(chan bool)
	go func() { time.Sleep(10 * time.Millisecond); fmt.Println("a"); done <- true }()
	go func() { time.Sleep(10 * time.Millisecond); fmt.Println("b"); done <- true }()
	<-done
	<-done
`);
    expect(outcomeSet(both(src))).toEqual([ok('a\nb\n'), ok('b\na\n')]);
  });

  it('two sleepers printing twice each interleave in every way', () => {
    const src = prog(['fmt', 'time'], `
	done := make(chan bool)
	go func() { time.Sleep(10 * time.Millisecond); fmt.Println("a1"); fmt.Println("a2"); done <- true }()
	go func() { time.Sleep(10 * time.Millisecond); fmt.Println("b1"); fmt.Println("b2"); done <- true }()
	<-done
	<-done
`);
    // The unreduced search does not finish here within its budget.
    const r = both(src, false);
    expect(outcomeSet(r)).toEqual(['a1\na2\nb1\nb2\n', 'a1\nb1\na2\nb2\n', 'a1\nb1\nb2\na2\n', 'b1\na1\na2\nb2\n', 'b1\na1\nb2\na2\n', 'b1\nb2\na1\na2\n'].map(ok));
  });

  it('two sleepers send on different channels to one waiting select: either wins', () => {
    const src = prog(['fmt', 'time'], `
	c1 := make(chan int)
	c2 := make(chan int)
	go func() { time.Sleep(10 * time.Millisecond); c1 <- 1 }()
	go func() { time.Sleep(10 * time.Millisecond); c2 <- 2 }()
	select {
	case v := <-c1:
		fmt.Println(v)
	case v := <-c2:
		fmt.Println(v)
	}
`);
    expect(outcomeSet(both(src))).toEqual([ok('1\n'), ok('2\n')]);
  });

  it('Stop at the instant an AfterFunc timer is due: before it fires, or after', () => {
    const src = prog(['fmt', 'time'], `
	t := time.AfterFunc(10*time.Millisecond, func() { fmt.Println("func ran") })
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stopped:", t.Stop())
	time.Sleep(time.Millisecond)
`);
    expect(outcomeSet(both(src))).toEqual([ok('func ran\nstopped: false\n'), ok('stopped: false\nfunc ran\n'), ok('stopped: true\n')]);
  });

  it('a tick due at the instant a sleeper stops the ticker: read before the Stop, or never', () => {
    const src = prog(['fmt', 'time'], `
	tk := time.NewTicker(5 * time.Millisecond)
	done := make(chan bool)
	go func() { time.Sleep(10 * time.Millisecond); tk.Stop(); done <- true }()
	n := 0
	for {
		select {
		case <-tk.C:
			n++
			fmt.Println("tick", n)
		case <-done:
			fmt.Println("done", n)
			return
		}
	}
`);
    expect(outcomeSet(both(src))).toEqual([ok('tick 1\ndone 1\n'), ok('tick 1\ntick 2\ndone 2\n')]);
  });

  it('time.After(0) is due at once: it may fire before a runnable goroutine sends', () => {
    const src = prog(['fmt', 'time'], `
	ch := make(chan int)
	go func() { ch <- 1 }()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	case <-time.After(0):
		fmt.Println("zero")
	}
`);
    expect(outcomeSet(both(src))).toEqual([ok('got 1\n'), ok('zero\n')]);
  });

  it('a timer due later than the others is no choice at the earlier instant', () => {
    const src = resultOrTimeout(11);
    expect(outcomeSet(both(src))).toEqual([ok('result 1\n')]);
  });

  it('every outcome replays with run', () => {
    const src = resultOrTimeout(10);
    const r = explore(src);
    expect(r.outcomes).toHaveLength(2);
    for (const o of r.outcomes) expect(run(src, { replay: o.witness }).stdout).toBe(o.stdout);
  });
});
