package main

import "fmt"

func main() {
	var nilc chan int
	select {
	case v := <-nilc:
		fmt.Println("impossible", v)
	case nilc <- 1:
		fmt.Println("impossible send")
	default:
		fmt.Println("nil channels are never ready")
	}
	a := make(chan int)
	b := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			a <- i
		}
		close(a)
	}()
	go func() {
		for i := 10; i < 12; i++ {
			b <- i
		}
		close(b)
	}()
	sum, n := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
			n++
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
			n++
		}
	}
	fmt.Println(sum, n)
}
