// Four goroutines sleep for the same duration: their timers are due at the same instant, and
// each prints when it wakes.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("woke", i, "at", time.Since(start))
		}()
	}
	wg.Wait()
}
