package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var mu sync.Mutex
	mu.Unlock
	var wg sync.WaitGroup
	defer wg.Done
	ctx := context.Background()
	select {
	case <-ctx.Done:
	}
	time.Sleep(1.5)
	n := 3
	time.Sleep(n * time.Millisecond)
	var x int
	atomic.AddInt64(&x, 1)
	var ch chan int = make(chan string)
	done := make(chan struct{})
	v := <-done
	fmt.Println(ch)
}
