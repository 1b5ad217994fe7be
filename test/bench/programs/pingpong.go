// 1M hand-offs on unbuffered channels between two goroutines: the cost of one park/unpark pair.
package main

import "fmt"

const n = 1_000_000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < n/2; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	<-pong
	fmt.Println("handoffs:", n, "sum:", sum)
}
