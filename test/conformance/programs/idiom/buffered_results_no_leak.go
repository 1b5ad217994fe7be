package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	results := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		go func() {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			results <- i
		}()
	}
	fmt.Println("first:", <-results)
	time.Sleep(100 * time.Millisecond)
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
