// A pool of 4 workers over 8 jobs on buffered channels; main waits, closes results and sums.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 8)
	results := make(chan int, 8)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * j
			}
		}()
	}
	for j := 1; j <= 8; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum of squares:", sum)
}
