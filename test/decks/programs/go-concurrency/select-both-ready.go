package main

import "fmt"

func main() {
	fast := make(chan string, 1)
	slow := make(chan string, 1)
	fast <- "fast"
	slow <- "slow"
	select {
	case v := <-fast:
		fmt.Println(v)
	case v := <-slow:
		fmt.Println(v)
	}
}
