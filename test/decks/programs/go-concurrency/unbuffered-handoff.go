package main

import "fmt"

func main() {
	ch := make(chan string)
	done := make(chan bool)
	go func() {
		msg := <-ch
		fmt.Println("worker got", msg)
		done <- true
	}()
	fmt.Println("main sends")
	ch <- "ping"
	<-done
	fmt.Println("main done")
}
