// main calling Goexit: the program lives while other goroutines run, then dies.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("worker done")
	}()
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
}
