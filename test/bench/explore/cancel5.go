// Cancellation by closing a channel: 5 workers wait on work or quit; main hands out two jobs,
// closes quit and waits for every worker to stop.
package main

import (
	"fmt"
	"sync"
)

func main() {
	work := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-work:
					mu.Lock()
					done++
					mu.Unlock()
				case <-quit:
					return
				}
			}
		}()
	}
	work <- 1
	work <- 2
	close(quit)
	wg.Wait()
	fmt.Println("jobs done:", done)
}
