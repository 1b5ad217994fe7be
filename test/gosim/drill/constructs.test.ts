// Constructs an exercise can require or forbid are read from the checked syntax tree: what
// counts is what the program does, not what its text happens to contain.
import { describe, expect, it } from 'vitest';
import { findConstructs } from '../../../gosim/drill/constructs.ts';
import { prepare } from '../../../gosim/execute.ts';

function uses(source: string): Record<string, number> {
  const built = prepare(source);
  if (built.kind !== 'ok') throw new Error(built.stderr);
  return Object.fromEntries([...findConstructs(built.file, built.info)].map(([c, pos]) => [c, pos.line]));
}

describe('constructs a program uses', () => {
  it('finds each construct at its first use', () => {
    const found = uses(`package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var once sync.Once
	var n atomic.Int64
	ch := make(chan int)
	buf := make(chan int, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	wg.Add(1)
	go func() { defer wg.Done(); ch <- 1 }()
	select {
	case v := <-ch:
		buf <- v
	case <-ctx.Done():
	}
	close(buf)
	wg.Wait()
	mu.Lock()
	mu.Unlock()
	once.Do(func() {})
	n.Add(1)
	time.Sleep(time.Millisecond)
}
`);
    expect(found).toEqual({
      mutex: 11,
      waitgroup: 12,
      once: 13,
      atomic: 14,
      channel: 15,
      'buffered-channel': 16,
      context: 17,
      go: 20,
      select: 21,
      close: 26,
      sleep: 32,
    });
  });

  it('does not count words in strings or comments, or names that merely look alike', () => {
    const found = uses(`package main

import "fmt"

// We do not use select, go statements, sync.Mutex or time.Sleep here.
func main() {
	sync := "sync.Mutex"
	close := func(s string) string { return s }
	fmt.Println(close(sync), "time.Sleep", "go", "select")
}
`);
    expect(found).toEqual({});
  });

  it('sees a package through any import name', () => {
    expect(uses(`package main

import (
	s "sync"
	t "time"
)

func main() {
	var rw s.RWMutex
	rw.Lock()
	rw.Unlock()
	t.Sleep(1)
}
`)).toEqual({ mutex: 9, sleep: 12 });
  });

  it('calls make(chan T, 0) unbuffered, and any other size buffered', () => {
    expect(uses('package main\n\nfunc main() {\n\t_ = make(chan int, 0)\n}\n')).toEqual({ channel: 4 });
    expect(uses('package main\n\nfunc main() {\n\tn := 0\n\t_ = make(chan int, n)\n}\n')).toEqual({ channel: 5, 'buffered-channel': 5 });
    expect(uses('package main\n\ntype C chan string\n\nfunc main() {\n\t_ = make(C, 2)\n}\n')).toEqual({ channel: 6, 'buffered-channel': 6 });
  });
});
