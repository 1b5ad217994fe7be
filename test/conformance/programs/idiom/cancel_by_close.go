package main

import (
	"fmt"
	"sync"
)

func main() {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	counts := make([]int, 3)
	started := make(chan struct{}, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			started <- struct{}{}
			for {
				select {
				case <-quit:
					return
				default:
					counts[i]++
					if counts[i] > 1000000 {
						return
					}
				}
			}
		}()
	}
	for range 3 {
		<-started
	}
	close(quit)
	wg.Wait()
	fmt.Println("all workers stopped")
}
