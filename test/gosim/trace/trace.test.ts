// The run trace (gosim/trace.ts): concrete events of small programs, in virtual time.
import { describe, it, expect } from 'vitest';
import { traced, ofKind } from './helpers.ts';

const PROG = '/tmp/sandbox/prog.go';

describe('channel events', () => {
  const src = `package main

import "fmt"

func main() {
	ch := make(chan int)
	buf := make(chan string, 1)
	go func() {
		ch <- 7
		buf <- "a"
		close(buf)
	}()
	fmt.Println(<-ch)
	for s := range buf {
		fmt.Println(s)
	}
}
`;
  const { result, trace } = traced(src);

  it('runs as without a trace', () => {
    expect(result.stdout).toBe('7\na\n');
    expect(result.exitCode).toBe(0);
  });

  it('names each channel by its make() line and capacity', () => {
    const makes = ofKind(trace, 'make');
    expect(makes.map((m) => [m.cap, m.site?.line])).toEqual([[0, 6], [1, 7]]);
    for (const m of makes) expect(trace.objects[m.ch - 1]).toEqual({ id: m.ch, kind: 'chan', cap: m.cap, site: { func: 'main.main', file: PROG, line: m.site!.line } });
  });

  it('matches every send with its receive by message number', () => {
    const [ch, buf] = ofKind(trace, 'make').map((m) => m.ch);
    const sends = ofKind(trace, 'send');
    const recvs = ofKind(trace, 'recv').filter((r) => r.mode !== 'closed');
    expect(sends.map((s) => [s.ch, s.value, s.mode, s.to, s.g])).toEqual([[ch, '7', 'handoff', 1, 2], [buf, '"a"', 'buffered', null, 2]]);
    expect(recvs.map((r) => [r.ch, r.msg, r.value, r.ok, r.mode, r.from, r.receiver])).toEqual([
      [ch, sends[0]!.msg, '7', true, 'handoff', 2, 1],
      [buf, sends[1]!.msg, '"a"', true, 'buffered', 2, 1],
    ]);
    expect(new Set(sends.map((s) => s.msg)).size).toBe(2);
  });

  it('records close and the receive that found the channel closed', () => {
    const buf = ofKind(trace, 'make')[1]!.ch;
    expect(ofKind(trace, 'close')).toMatchObject([{ ch: buf, g: 2 }]);
    expect(ofKind(trace, 'recv').filter((r) => r.mode === 'closed')).toMatchObject([{ ch: buf, msg: 0, ok: false, value: '""', from: null, receiver: 1 }]);
  });

  it('records block and unblock with the wait reason, object and line', () => {
    const ch = ofKind(trace, 'make')[0]!.ch;
    const b = ofKind(trace, 'block').find((e) => e.g === 1)!;
    expect(b).toMatchObject({ reason: 'chan receive', on: ch, site: { line: 13 } });
    const u = ofKind(trace, 'unblock').find((e) => e.target === 1)!;
    expect(u).toMatchObject({ by: 2, g: 2 });
    expect(u.i).toBeGreaterThan(b.i);
  });

  it('records goroutine starts with their go statement, and ends', () => {
    expect(trace.goroutines.map((g) => [g.id, g.parent, g.site?.line ?? null, g.end?.panicked])).toEqual([[1, 0, null, false], [2, 1, 8, false]]);
    expect(ofKind(trace, 'start').map((e) => [e.child, e.parent, e.g])).toEqual([[1, 0, 0], [2, 1, 1]]);
    expect(ofKind(trace, 'end').map((e) => e.g).sort()).toEqual([1, 2]);
  });

  it('records output writes', () => {
    expect(ofKind(trace, 'write').map((w) => [w.fd, w.text, w.g])).toEqual([[1, '7\n', 1], [1, 'a\n', 1]]);
  });

  it('numbers events in order', () => {
    trace.events.forEach((e, i) => expect(e.i).toBe(i));
    expect(trace.truncated).toBe(false);
    expect(trace.eventsDropped).toBe(0);
  });
});

describe('select events', () => {
  it('records the chosen case, how many were ready, and default', () => {
    const { trace, result } = traced(`package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int)
	var n chan int
	a <- 1
	select {
	case v := <-a:
		fmt.Println("a", v)
	case b <- 2:
	case <-n:
	}
	select {
	case <-b:
	default:
		fmt.Println("default")
	}
	go func() { b <- 3 }()
	select {
	case v := <-b:
		fmt.Println("b", v)
	case <-a:
	}
}
`);
    expect(result.stdout).toBe('a 1\ndefault\nb 3\n');
    const [a, b] = ofKind(trace, 'make').map((m) => m.ch);
    expect(ofKind(trace, 'select').map((s) => [s.chans, s.chosen, s.ready])).toEqual([
      [[a, b, null], 0, 1],
      [[b], -1, 0],
      [[b, a], 0, 0],
    ]);
    // The third select waited (reason select), and goroutine 2's send handed the value over.
    expect(ofKind(trace, 'block').find((e) => e.g === 1)).toMatchObject({ reason: 'select', on: null, site: { line: 22 } });
    expect(ofKind(trace, 'send').at(-1)).toMatchObject({ ch: b, value: '3', mode: 'handoff', to: 1, g: 2 });
  });
});

describe('timer events', () => {
  const { trace, result } = traced(`package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(5 * time.Millisecond)
	t := time.NewTimer(time.Second)
	fmt.Println(t.Stop())
	select {
	case <-time.After(2 * time.Millisecond):
		fmt.Println("after")
	}
	tk := time.NewTicker(time.Millisecond)
	<-tk.C
	<-tk.C
	tk.Stop()
}
`);

  it('runs', () => expect(result.stdout).toBe('true\nafter\n'));

  it('sets, fires and stops timers in virtual time', () => {
    const ms = 1_000_000;
    const sets = ofKind(trace, 'timer-set');
    expect(sets.map((s) => [s.when, s.t])).toEqual([
      [5 * ms, 0], [5 * ms + 1000 * ms, 5 * ms], [7 * ms, 5 * ms], [8 * ms, 7 * ms], [9 * ms, 8 * ms], [10 * ms, 9 * ms],
    ]);
    const fires = ofKind(trace, 'timer-fire');
    expect(fires.map((f) => [f.timer, f.t, f.g])).toEqual([
      [sets[0]!.timer, 5 * ms, 0], [sets[2]!.timer, 7 * ms, 0], [sets[3]!.timer, 8 * ms, 0], [sets[3]!.timer, 9 * ms, 0],
    ]);
    // NewTimer's Stop, then the ticker's.
    expect(ofKind(trace, 'timer-stop').map((s) => s.timer)).toEqual([sets[1]!.timer, sets[3]!.timer]);
    for (const s of sets) expect(trace.objects[s.timer - 1]!.kind).toBe('timer');
  });

  it('blocks a sleeping goroutine on its timer and wakes it from the runtime', () => {
    const sleep = ofKind(trace, 'block')[0]!;
    expect(sleep).toMatchObject({ g: 1, reason: 'sleep', on: ofKind(trace, 'timer-set')[0]!.timer, site: { line: 9 } });
    expect(ofKind(trace, 'unblock')[0]).toMatchObject({ target: 1, by: 0, g: 0, t: 5_000_000 });
  });

  it('sends a timer channel value from the runtime', () => {
    const s = ofKind(trace, 'send')[0]!;
    expect(s).toMatchObject({ g: 0, t: 7_000_000 });
    expect(trace.objects[s.ch - 1]).toMatchObject({ kind: 'chan', cap: 1, site: { line: 13 } });
  });

  it('never goes back in time', () => {
    for (let i = 1; i < trace.events.length; i++) expect(trace.events[i]!.t).toBeGreaterThanOrEqual(trace.events[i - 1]!.t);
  });
});

describe('sync events', () => {
  const { trace, result } = traced(`package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	mu.Lock()
	go func() {
		defer wg.Done()
		mu.Lock()
		fmt.Println("got it")
		mu.Unlock()
	}()
	wg.Go(func() {})
	time.Sleep(time.Millisecond)
	mu.Unlock()
	wg.Wait()
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
}
`);

  it('runs', () => expect([result.stdout, result.exitCode]).toEqual(['got it\n', 0]));

  it('records lock, unlock and the hand-off to a waiter', () => {
    const mu = ofKind(trace, 'lock')[0]!.mu;
    expect(trace.objects[mu - 1]!.kind).toBe('mutex');
    const ev = trace.events.filter((e) => ('mu' in e && e.mu === mu) || (e.kind === 'block' && e.on === mu));
    expect(ev.map((e) => [e.kind, e.g, 'mode' in e ? e.mode : e.kind === 'block' ? e.reason : ''])).toEqual([
      ['lock', 1, 'lock'],
      ['block', 2, 'sync.Mutex.Lock'],
      ['unlock', 1, 'unlock'],
      ['lock', 2, 'lock'],
      ['unlock', 2, 'unlock'],
    ]);
    expect(ofKind(trace, 'lock').filter((l) => l.mu === mu).map((l) => l.site?.line)).toEqual([13, 16]);
  });

  it('records every WaitGroup change with the new count', () => {
    const wg = ofKind(trace, 'wg');
    expect(wg.map((w) => [w.delta, w.count])).toEqual([[1, 1], [1, 2], [-1, 1], [-1, 0]]);
    expect(trace.objects[wg[0]!.wg - 1]!.kind).toBe('waitgroup');
  });

  it('tells an RWMutex apart and records read locks', () => {
    const rw = ofKind(trace, 'lock').filter((l) => trace.objects[l.mu - 1]!.kind === 'rwmutex');
    expect(rw.map((l) => l.mode)).toEqual(['rlock', 'lock']);
    expect(ofKind(trace, 'unlock').filter((l) => l.mu === rw[0]!.mu).map((l) => l.mode)).toEqual(['runlock', 'unlock']);
  });
});

describe('the size cap', () => {
  const src = `package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 100; i++ {
			ch <- i
		}
	}()
	for i := 0; i < 100; i++ {
		<-ch
	}
	fmt.Println("done")
	ch <- 1
}
`;

  it('stops at maxEvents with one truncated marker and counts the rest', () => {
    const full = traced(src).trace;
    const cut = traced(src, { maxEvents: 50 }).trace;
    expect(full.truncated).toBe(false);
    expect(cut.truncated).toBe(true);
    expect(cut.events).toHaveLength(51);
    expect(cut.events.slice(0, 50)).toEqual(full.events.slice(0, 50));
    expect(cut.events[50]).toMatchObject({ i: 50, kind: 'truncated', dropped: full.events.length - 50 });
    expect(cut.eventsDropped).toBe(full.events.length - 50);
    expect(ofKind(cut, 'truncated')).toHaveLength(1);
  });

  it('keeps the goroutine and object tables whole', () => {
    const full = traced(src).trace;
    const cut = traced(src, { maxEvents: 5 }).trace;
    expect(cut.goroutines).toEqual(full.goroutines);
    expect(cut.objects).toEqual(full.objects);
  });

  it('defaults to 20000 events', () => {
    const big = traced(src.replaceAll('100', '5000')).trace;
    expect(big.truncated).toBe(true);
    expect(big.events).toHaveLength(20001);
  });
});

describe('values', () => {
  it('renders values short and in Go syntax', () => {
    const { trace } = traced(`package main

type P struct {
	X, Y int
}

func main() {
	ch := make(chan any, 10)
	ch <- "hé\\n"
	ch <- true
	ch <- nil
	ch <- P{1, 2}
	ch <- []int{1, 2, 3}
	ch <- 2.5
	ch <- int64(-9007199254740993)
	ch <- string(make([]byte, 100))
}
`);
    const v = ofKind(trace, 'send').map((s) => s.value);
    expect(v.slice(0, 7)).toEqual(['"hé\\n"', 'true', 'nil', '{1 2}', '[1 2 3]', '2.5', '-9007199254740993']);
    expect(v[7]!.length).toBe(64);
    expect(v[7]!.endsWith('…')).toBe(true);
  });
});
