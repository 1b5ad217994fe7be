package main

import (
	"fmt"
	"sync"
)

func main() {
	inputs := []int{5, 3, 8, 1, 9, 2, 7}
	results := make([]int, len(inputs))
	sem := make(chan struct{}, 3)
	var wg sync.WaitGroup
	for i, v := range inputs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = v * v
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
