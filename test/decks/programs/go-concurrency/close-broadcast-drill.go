package main

import (
	"fmt"
	"sync"
)

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-done
			fmt.Println(name, "stopped")
		}()
	}
	close(done)
	wg.Wait()
}
