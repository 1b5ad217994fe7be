package main

import "fmt"

func count(out chan<- int, done <-chan struct{}, stopped chan<- struct{}) {
	defer close(stopped)
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
	stopped := make(chan struct{})
	go count(out, done, stopped)
	for range 3 {
		fmt.Println(<-out)
	}
	close(done)
	<-stopped
}
