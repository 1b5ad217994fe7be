// 100k goroutines, each taking a shared mutex once and calling wg.Done.
package main

import (
	"fmt"
	"sync"
)

const n = 100_000

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			counter += i % 3
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("goroutines:", n, "counter:", counter)
}
