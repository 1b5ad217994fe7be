// Timer Stop/Reset results (Go 1.23: no stale values), AfterFunc running in its own goroutine.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("stop pending:", t.Stop(), "stop again:", t.Stop())
	fmt.Println("reset stopped:", t.Reset(20*time.Millisecond))
	<-t.C
	fmt.Println("fired at", time.Since(start).Truncate(10*time.Millisecond))
	fmt.Println("stop fired+received:", t.Stop())

	t2 := time.NewTimer(10 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("stop fired, unreceived:", t2.Stop())
	select {
	case <-t2.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}

	t3 := time.NewTimer(10 * time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("reset fired, unreceived:", t3.Reset(30*time.Millisecond))
	mark := time.Now()
	<-t3.C
	fmt.Println("reset timer fired after", time.Since(mark).Truncate(10*time.Millisecond))

	var wg sync.WaitGroup
	wg.Add(1)
	mark = time.Now()
	af := time.AfterFunc(40*time.Millisecond, func() {
		defer wg.Done()
		fmt.Println("AfterFunc after", time.Since(mark).Truncate(10*time.Millisecond))
	})
	wg.Wait()
	fmt.Println("stop after run:", af.Stop())
	never := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("stop AfterFunc:", never.Stop())
	fmt.Println(af.C == nil)
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
}
