package main

import "fmt"

func count(out chan<- int, done <-chan struct{}) {
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-done:
			return
		}
	}
}

func main() {
	out := make(chan int)
	done := make(chan struct{})
	go count(out, done)
	for range 3 {
		fmt.Println(<-out)
	}
	close(done)
}
