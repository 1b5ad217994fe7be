// A 3-stage pipeline (generate, square, add one) over 5 values on unbuffered channels.
package main

import "fmt"

func stage(in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func main() {
	src := make(chan int)
	go func() {
		defer close(src)
		for i := 1; i <= 5; i++ {
			src <- i
		}
	}()
	sq := stage(src, func(v int) int { return v * v })
	inc := stage(sq, func(v int) int { return v + 1 })
	for v := range inc {
		fmt.Println(v)
	}
}
