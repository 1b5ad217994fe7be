package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	calls := 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls++ })
		}()
	}
	wg.Wait()
	fmt.Println("calls", calls)
	once.Do(func() { fmt.Println("never") })
	get := sync.OnceValue(func() int {
		fmt.Println("computing")
		return 42
	})
	fmt.Println(get(), get())
	f := sync.OnceFunc(func() { fmt.Println("once func") })
	f()
	f()
}
