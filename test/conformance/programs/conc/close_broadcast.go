package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	woke := 0
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			woke++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("woken by one close:", woke)
}
