// Workers that stop on ctx.Done(): the first failure cancels the rest (an errgroup by hand),
// and a request-scoped value read through the derived contexts.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type ctxKey struct{}

func worker(ctx context.Context, id int, results chan<- string) error {
	for step := 1; ; step++ {
		select {
		case <-ctx.Done():
			results <- fmt.Sprintf("worker %d stopped at step %d: %v", id, step, context.Cause(ctx))
			return ctx.Err()
		case <-time.After(time.Duration(id*10+5) * time.Millisecond):
			if id == 3 && step == 2 {
				return fmt.Errorf("worker %d: %w", id, errBadInput)
			}
		}
	}
}

var errBadInput = errors.New("bad input")

func main() {
	parent := context.WithValue(context.Background(), ctxKey{}, "req-42")
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := worker(ctx, id, results); err != nil && !errors.Is(err, context.Canceled) {
				once.Do(func() { first = err; cancel(err) })
			}
		}()
	}
	wg.Wait()
	close(results)
	var lines []string
	for r := range results {
		lines = append(lines, r)
	}
	for id := 1; id <= 3; id++ {
		for _, l := range lines {
			if l[7] == byte('0'+id) {
				fmt.Println(l)
			}
		}
	}
	fmt.Println("first error:", first, errors.Is(first, errBadInput))
	fmt.Println("request:", ctx.Value(ctxKey{}), "err:", ctx.Err())
}
