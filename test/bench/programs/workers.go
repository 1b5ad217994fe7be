// 8 workers draining 200k jobs from a buffered channel into a buffered results channel.
package main

import (
	"fmt"
	"sync"
)

const jobs = 200_000

func main() {
	in := make(chan int, 128)
	out := make(chan int, 128)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- j % 7
			}
		}()
	}
	go func() {
		for i := 0; i < jobs; i++ {
			in <- i
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	total, count := 0, 0
	for v := range out {
		total += v
		count++
	}
	fmt.Println("jobs:", count, "total:", total)
}
