package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.NumGoroutine())
	block := make(chan struct{})
	started := make(chan struct{})
	for range 3 {
		go func() {
			started <- struct{}{}
			<-block
		}()
	}
	for range 3 {
		<-started
	}
	fmt.Println(runtime.NumGoroutine())
	close(block)
	runtime.Gosched()
	fmt.Println(runtime.GOMAXPROCS(0) >= 1, runtime.NumCPU() >= 1)
	prev := runtime.GOMAXPROCS(1)
	fmt.Println(prev >= 1, runtime.GOMAXPROCS(0))
}
