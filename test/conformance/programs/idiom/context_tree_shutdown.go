package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func service(ctx context.Context, name string, wg *sync.WaitGroup, log chan<- string) {
	defer wg.Done()
	ticks := 0
	for {
		select {
		case <-ctx.Done():
			log <- fmt.Sprintf("%s stopped: %v", name, ctx.Err())
			return
		case <-time.After(10 * time.Millisecond):
			ticks++
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 55*time.Millisecond)
	defer cancel()
	log := make(chan string, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go service(ctx, "db", &wg, log)
	go service(ctx, "http", &wg, log)
	wg.Wait()
	close(log)
	n := 0
	for range log {
		n++
	}
	fmt.Println(n, "services stopped:", ctx.Err())
}
