package main

import (
	"fmt"
	"sync"
)

func square(n int) int {
	return n * n
}

func main() {
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	for n := 1; n <= 3; n++ {
		jobs <- n
	}
	close(jobs)

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				results <- square(n)
			}
		}()
	}
	wg.Wait()
	close(results)

	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum:", sum)
}
