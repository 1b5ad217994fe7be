package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	trySend := func(v int) bool {
		select {
		case ch <- v:
			return true
		default:
			return false
		}
	}
	tryRecv := func() (int, bool) {
		select {
		case v := <-ch:
			return v, true
		default:
			return 0, false
		}
	}
	fmt.Println(trySend(1), trySend(2), trySend(3))
	fmt.Println(tryRecv())
	fmt.Println(tryRecv())
	fmt.Println(tryRecv())
	select {
	default:
		fmt.Println("only default")
	}
}
