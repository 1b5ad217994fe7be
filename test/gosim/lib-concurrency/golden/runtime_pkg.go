// runtime: NumGoroutine, Gosched handing the thread over, Goexit running deferred calls.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println(runtime.NumGoroutine())
	done := make(chan bool)
	for range 3 {
		go func() { <-done }()
	}
	fmt.Println(runtime.NumGoroutine())
	close(done)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred call runs on Goexit")
		func() {
			defer func() { fmt.Println("recover during Goexit:", recover()) }()
			runtime.Goexit()
		}()
		fmt.Println("never printed")
	}()
	wg.Wait()
	ch := make(chan int, 1)
	go func() { ch <- 1 }()
	for len(ch) == 0 {
		runtime.Gosched()
	}
	fmt.Println("got", <-ch)
}
