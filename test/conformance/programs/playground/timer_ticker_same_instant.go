// A ticker every 10ms and a 30ms timer, each read by its own goroutine: the third tick and the
// timer are due at the same instant.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(10 * time.Millisecond)
	tm := time.NewTimer(30 * time.Millisecond)
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
		<-tm.C
		fmt.Println("timer at", time.Since(start))
	}()
	wg.Wait()
}
