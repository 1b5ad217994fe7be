// Go programs that only gosim's limits can end, shared by the tests that check how each ends
// (fixes.test.ts) and the benchmark that measures how soon (test/bench/limits.bench.ts).

/** A timer whose function sets it again: time keeps moving, nothing else happens. */
export const rearmingTimer = `package main

import (
	"fmt"
	"time"
)

func main() {
	var f func()
	f = func() { time.AfterFunc(time.Nanosecond, f) }
	f()
	fmt.Println("start")
	select {}
}
`;

/** 20,000 goroutines waiting on one locked mutex while main blocks: a deadlock with a huge traceback. */
export const hugeMutexDeadlock = `package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Lock()
	for i := 0; i < 20000; i++ {
		go func() { mu.Lock() }()
	}
	select {}
}
`;
