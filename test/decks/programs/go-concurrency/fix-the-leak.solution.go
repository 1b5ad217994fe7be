package main

import (
	"fmt"
	"time"
)

func search(name string, d time.Duration, out chan string) {
	time.Sleep(d)
	out <- name
}

func first() string {
	// Room for every result: the losers can send and exit without a receiver.
	out := make(chan string, 3)
	go search("a", 30*time.Millisecond, out)
	go search("b", 10*time.Millisecond, out)
	go search("c", 20*time.Millisecond, out)
	return <-out
}

func main() {
	fmt.Println(first())
	time.Sleep(100 * time.Millisecond)
	fmt.Println("done")
}
