// Four functions handed to time.AfterFunc with the same delay: each runs in its own goroutine
// once the delay is over, and prints.
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
		time.AfterFunc(10*time.Millisecond, func() {
			defer wg.Done()
			fmt.Println("func", i, "at", time.Since(start))
		})
	}
	wg.Wait()
}
