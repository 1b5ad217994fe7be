package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(2 * time.Second)
		slow <- "result"
	}()
	select {
	case r := <-slow:
		fmt.Println(r)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("timeout")
	}
}
