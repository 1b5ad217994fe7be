package main

import (
	"fmt"
	"runtime"
)

func query() int {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { ch <- i }()
	}
	<-ch
	return 1
}

func main() {
	query()
	for runtime.NumGoroutine() > 3 {
		runtime.Gosched()
	}
	fmt.Println("goroutines still alive:", runtime.NumGoroutine())
	fmt.Println("main returns; the two blocked senders leak, exit status 0")
}
