package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var inFlight atomic.Int32

// call stands for a request to a backend that takes at most 2 at a time.
func call() {
	if inFlight.Add(1) > 2 {
		fmt.Println("overloaded")
	}
	inFlight.Add(-1)
}

func main() {
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			call()
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
