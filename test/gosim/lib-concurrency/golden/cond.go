// Cond: a bounded queue with producer/consumer, Signal in FIFO order and Broadcast.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var queue []int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for got := 0; got < 6; got++ {
			mu.Lock()
			for len(queue) == 0 {
				cond.Wait()
			}
			v := queue[0]
			queue = queue[1:]
			mu.Unlock()
			fmt.Println("consumed", v)
			cond.Signal()
		}
	}()
	for i := range 6 {
		mu.Lock()
		for len(queue) == 2 {
			cond.Wait()
		}
		queue = append(queue, i)
		fmt.Println("produced", i)
		mu.Unlock()
		cond.Signal()
	}
	wg.Wait()

	ready := false
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
		time.Sleep(time.Millisecond)
		_ = i
	}
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("all woken")
}
