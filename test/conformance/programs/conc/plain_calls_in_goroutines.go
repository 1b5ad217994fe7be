// Goroutines that spend their time in recursive computation (plain calls in gosim) and report
// through channels: the results arrive in order of index because main receives them so.
package main

import (
	"fmt"
	"sync"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	results := make([]chan int, 6)
	var wg sync.WaitGroup
	for i := range results {
		results[i] = make(chan int, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] <- fib(15 + i)
		}()
	}
	wg.Wait()
	for i, ch := range results {
		fmt.Println(15+i, <-ch)
	}
}
