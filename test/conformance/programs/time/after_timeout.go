package main

import (
	"fmt"
	"time"
)

func work(d time.Duration) <-chan string {
	out := make(chan string, 1)
	go func() {
		time.Sleep(d)
		out <- "finished in " + d.String()
	}()
	return out
}

func main() {
	for _, d := range []time.Duration{10 * time.Millisecond, 300 * time.Millisecond} {
		select {
		case r := <-work(d):
			fmt.Println(r)
		case <-time.After(100 * time.Millisecond):
			fmt.Println("timed out waiting", d)
		}
	}
}
