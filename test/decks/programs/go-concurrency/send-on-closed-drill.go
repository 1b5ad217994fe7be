package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	close(ch)
	fmt.Println("closed")
	ch <- 2
	fmt.Println("sent again")
}
