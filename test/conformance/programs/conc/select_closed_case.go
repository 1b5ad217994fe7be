package main

import "fmt"

func main() {
	closed := make(chan int)
	close(closed)
	never := make(chan int)
	got := 0
	for range 10 {
		select {
		case v, ok := <-closed:
			if !ok && v == 0 {
				got++
			}
		case <-never:
			fmt.Println("impossible")
		}
	}
	fmt.Println("closed case ready every time:", got)
}
