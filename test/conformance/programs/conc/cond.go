package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func main() {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.mu.Lock()
			for len(q.items) == 0 {
				q.cond.Wait()
			}
			v := q.items[0]
			q.items = q.items[1:]
			q.mu.Unlock()
			results[i] = v
		}()
	}
	for v := 1; v <= 3; v++ {
		q.mu.Lock()
		q.items = append(q.items, v*100)
		q.mu.Unlock()
		q.cond.Signal()
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)

	ready := false
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	var wg2 sync.WaitGroup
	for range 4 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			mu.Lock()
			for !ready {
				c.Wait()
			}
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = true
	c.Broadcast()
	mu.Unlock()
	wg2.Wait()
	fmt.Println("all woke")
}
