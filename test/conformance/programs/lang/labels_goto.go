package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	n := 0
loop:
	if n < 3 {
		fmt.Println("goto", n)
		n++
		goto loop
	}
	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i
	}
recv:
	for {
		select {
		case v := <-ch:
			if v == 3 {
				break recv
			}
			fmt.Println("got", v)
		}
	}
	switch {
	case true:
		for {
			break
		}
		fmt.Println("after inner break")
	}
}
