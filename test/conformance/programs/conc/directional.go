package main

import "fmt"

func produce(out chan<- int, n int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func square(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go produce(a, 4)
	go square(a, b)
	var recvOnly <-chan int = b
	for v := range recvOnly {
		fmt.Println(v)
	}
	fmt.Printf("%T %T\n", a, recvOnly)
}
