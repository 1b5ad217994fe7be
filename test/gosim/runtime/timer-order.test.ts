// The order of things due at the same virtual instant, in Go programs. gosim's rule
// (runtime/scheduler.ts): timers due at one instant fire in the order they were set (a ticker's
// timer is set again at every tick), and the goroutines they wake or start run in that order,
// since the run queue is FIFO. Every timer due at that instant fires before any goroutine runs.
//
// Real Go promises no order here. Run as the playground runs programs (-tags faketime,
// GOMAXPROCS=1) it does print the same thing every time, but what it prints comes from its
// timer heap, which keeps no order among equal times, and from the runnext slot, which runs
// the goroutine readied last first; with GOMAXPROCS=2 or real time the order changes from run
// to run. The four programs of test/conformance/programs/playground/ hold real Go's playground
// output; where gosim differs they are listed in test/conformance/known-failures.txt. What Go
// 1.26 printed for each program below is noted beside it.
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';
import { loadGoldens } from '../../conformance/goldens.ts';

const corpus = new Map(loadGoldens().filter((g) => g.area === 'playground').map((g) => [g.filename, g.source]));

function stdoutOf(src: string): string {
  const r = run(src);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

function corpusProgram(name: string): string {
  const src = corpus.get(name);
  if (src === undefined) throw new Error(`test/conformance/programs/playground/${name} is missing`);
  return src;
}

describe('goroutines sleeping the same duration', () => {
  it('wake in the order they went to sleep (conformance: playground/sleep_same_duration.go)', () => {
    // Go's playground: woke 0, 3, 2, 1.
    expect(stdoutOf(corpusProgram('sleep_same_duration.go'))).toBe('woke 0 at 10ms\nwoke 1 at 10ms\nwoke 2 at 10ms\nwoke 3 at 10ms\n');
  });

  it('wake in the order they went to sleep, not the order they were started', () => {
    // Released one by one in the order 2, 0, 3, 1; Go's playground: woke 1, 2, 3, 0.
    expect(stdoutOf(`package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var turn [4]chan struct{}
	for i := range 4 {
		turn[i] = make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-turn[i]
			time.Sleep(10 * time.Millisecond)
			fmt.Println("woke", i)
		}()
	}
	for _, i := range []int{2, 0, 3, 1} {
		turn[i] <- struct{}{}
	}
	wg.Wait()
}
`)).toBe('woke 2\nwoke 0\nwoke 3\nwoke 1\n');
  });
});

describe('time.AfterFunc with the same delay', () => {
  it('runs the functions in the order they were set (conformance: playground/afterfunc_same_delay.go)', () => {
    // Go's playground: func 1, 0, 3, 2.
    expect(stdoutOf(corpusProgram('afterfunc_same_delay.go'))).toBe('func 0 at 10ms\nfunc 1 at 10ms\nfunc 2 at 10ms\nfunc 3 at 10ms\n');
  });

  it('runs the functions in the order they were set, whatever they print', () => {
    // Go's playground: func 0, 2, 1, 3.
    expect(stdoutOf(`package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for _, i := range []int{2, 0, 3, 1} {
		wg.Add(1)
		time.AfterFunc(10*time.Millisecond, func() {
			defer wg.Done()
			fmt.Println("func", i)
		})
	}
	wg.Wait()
}
`)).toBe('func 2\nfunc 0\nfunc 3\nfunc 1\n');
  });
});

describe('a timer and a ticker due together', () => {
  it('fire in the order they were last set (conformance: playground/timer_ticker_same_instant.go)', () => {
    // The timer was set at 0 and the ticker again at its tick at 20ms, so at 30ms the timer
    // comes first. Go's playground prints the same.
    expect(stdoutOf(corpusProgram('timer_ticker_same_instant.go'))).toBe('tick 1 at 10ms\ntick 2 at 20ms\ntimer at 30ms\ntick 3 at 30ms\n');
  });

  it('fire in the order they were last set: a timer set after the ticker\'s last tick comes second', () => {
    // The ticker was set again at 20ms, the timer only at 25ms. Go's playground: timer first.
    expect(stdoutOf(`package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(10 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 1; i <= 3; i++ {
			<-tk.C
			fmt.Println("tick", i, "at", time.Since(start))
		}
		tk.Stop()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(25 * time.Millisecond)
		tm := time.NewTimer(5 * time.Millisecond)
		<-tm.C
		fmt.Println("timer at", time.Since(start))
	}()
	wg.Wait()
}
`)).toBe('tick 1 at 10ms\ntick 2 at 20ms\ntick 3 at 30ms\ntimer at 30ms\n');
  });
});

describe('time.After in a select against a sleep ending at the same instant', () => {
  // Both timers fire before any goroutine runs, so the select always takes the timeout and the
  // value the sleeper sends stays in the buffer; only who prints first follows the set order.
  it('takes the timeout; main set its timer first, so it runs first (conformance: playground/after_vs_sleep_same_instant.go)', () => {
    // Go's playground: sender woke, timeout, buffered: 1.
    expect(stdoutOf(corpusProgram('after_vs_sleep_same_instant.go'))).toBe('timeout\nsender woke\nbuffered: 1\n');
  });

  it('takes the timeout even when the sleeper set its timer first, and then the sleeper runs first', () => {
    // Go's playground: timeout, sender woke, buffered: 1.
    expect(stdoutOf(`package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string, 1)
	started := make(chan bool)
	go func() {
		started <- true
		time.Sleep(10 * time.Millisecond)
		fmt.Println("sender woke")
		ch <- "value"
	}()
	<-started
	select {
	case v := <-ch:
		fmt.Println("received", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	time.Sleep(time.Millisecond)
	fmt.Println("buffered:", len(ch))
}
`)).toBe('sender woke\ntimeout\nbuffered: 1\n');
  });
});
