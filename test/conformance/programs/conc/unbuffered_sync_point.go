package main

import "fmt"

func main() {
	data := 0
	ready := make(chan struct{})
	ack := make(chan struct{})
	go func() {
		data = 42
		ready <- struct{}{}
		<-ack
		fmt.Println("worker sees", data)
		ack <- struct{}{}
	}()
	<-ready
	fmt.Println("main sees", data)
	data = 7
	ack <- struct{}{}
	<-ack
}
