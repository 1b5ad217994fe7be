// RWMutex: readers share, a waiting writer stops new readers, Unlock lets the queued readers in.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	var mu sync.Mutex
	var log []string
	note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }

	rw.RLock()
	note("r0 in")
	wg.Add(3)
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		rw.Lock()
		note("writer in")
		time.Sleep(10 * time.Millisecond)
		note("writer out")
		rw.Unlock()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		rw.RLock()
		note("r1 in")
		rw.RUnlock()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		fmt.Println("TryRLock while writer waits:", rw.TryRLock())
		fmt.Println("TryLock while read-locked:", rw.TryLock())
	}()
	time.Sleep(30 * time.Millisecond)
	note("r0 out")
	rw.RUnlock()
	wg.Wait()
	for _, s := range log {
		fmt.Println(s)
	}
	fmt.Println("TryLock when free:", rw.TryLock())
	rw.Unlock()
	l := rw.RLocker()
	l.Lock()
	fmt.Println("TryLock under RLocker:", rw.TryLock())
	l.Unlock()
}
