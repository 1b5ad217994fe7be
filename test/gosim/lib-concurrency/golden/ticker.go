// A ticker loop stopped after N ticks, Tick, and a slow reader that misses ticks.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTicker(100 * time.Millisecond)
	n := 0
	for now := range t.C {
		n++
		fmt.Println("tick", n, now.Sub(start).Truncate(10*time.Millisecond))
		if n == 3 {
			t.Stop()
			break
		}
	}
	slow := time.NewTicker(20 * time.Millisecond)
	time.Sleep(70 * time.Millisecond)
	got := 0
	timeout := time.After(5 * time.Millisecond)
loop:
	for {
		select {
		case <-slow.C:
			got++
		case <-timeout:
			break loop
		}
	}
	fmt.Println("buffered ticks after a slow reader:", got)
	slow.Reset(50 * time.Millisecond)
	mark := time.Now()
	<-slow.C
	fmt.Println("after Reset:", time.Since(mark).Truncate(10*time.Millisecond))
	slow.Stop()
	c := time.Tick(20 * time.Millisecond)
	<-c
	<-c
	fmt.Println("Tick twice:", time.Since(mark).Truncate(10*time.Millisecond))
}
