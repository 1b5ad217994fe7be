package main

import (
	"fmt"
	"time"
)

func main() {
	events := make(chan string)
	go func() {
		for _, e := range []string{"a", "b", "c"} {
			time.Sleep(30 * time.Millisecond)
			events <- e
		}
	}()
	for {
		select {
		case e := <-events:
			fmt.Println("event", e)
		case <-time.After(100 * time.Millisecond):
			fmt.Println("idle for 100ms, stopping")
			return
		}
	}
}
