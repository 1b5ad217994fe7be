// main selects between a channel and time.After(10ms); the goroutine that would send on the
// channel first sleeps 10ms. Both timers are due at the same instant.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("sender woke")
		ch <- "value"
	}()
	select {
	case v := <-ch:
		fmt.Println("received", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	time.Sleep(time.Millisecond)
	fmt.Println("buffered:", len(ch))
}
