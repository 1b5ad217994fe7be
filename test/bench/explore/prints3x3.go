// Three goroutines, three prints each, nothing ordering them: every interleaving of the nine
// prints is a possible output (9!/(3!·3!·3!) = 1680 of them).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				fmt.Print(g, i, " ")
			}
		}()
	}
	wg.Wait()
	fmt.Println()
}
