package main

import "fmt"

func worker(in <-chan int, out chan<- int) {
	v := <-in
	out <- v * 2
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go worker(in, out)
	fmt.Println("forgot to send on in")
	fmt.Println(<-out)
}
