package main

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, id int, wg *sync.WaitGroup, results chan<- string) {
	defer wg.Done()
	<-ctx.Done()
	results <- fmt.Sprintf("worker %d: %v", id, ctx.Err())
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println(ctx.Err())
	results := make(chan string, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, &wg, results)
	}
	cancel()
	cancel()
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		_ = r
		n++
	}
	fmt.Println(n, ctx.Err(), ctx.Err() == context.Canceled)
}
