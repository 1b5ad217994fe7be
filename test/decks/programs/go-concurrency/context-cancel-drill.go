package main

import (
	"context"
	"fmt"
)

func worker(ctx context.Context, out chan<- int, stopped chan<- error) {
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-ctx.Done():
			stopped <- ctx.Err()
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	stopped := make(chan error)
	go worker(ctx, out, stopped)
	fmt.Println(<-out, <-out, <-out)
	cancel()
	fmt.Println(<-stopped)
}
