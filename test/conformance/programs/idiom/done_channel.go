package main

import "fmt"

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("working")
	}()
	<-done
	fmt.Println("worker signalled done")
}
