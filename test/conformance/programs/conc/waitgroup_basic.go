package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	out := make([]string, 5)
	for i := range 5 {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			out[id] = fmt.Sprintf("w%d", id)
		}(i)
	}
	wg.Wait()
	fmt.Println(out)
	wg.Wait()
	fmt.Println("second wait returns at once")
}
