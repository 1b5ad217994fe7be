package main

import "fmt"

func main() {
	ch := make(chan int, 5)
	for i := 1; i <= 3; i++ {
		ch <- i * 10
	}
	close(ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	v, ok := <-ch
	fmt.Println(sum, v, ok)
}
