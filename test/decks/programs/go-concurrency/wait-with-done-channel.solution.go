package main

import "fmt"

func doWork() {
	fmt.Println("work finished")
}

func main() {
	done := make(chan struct{})
	go func() {
		doWork()
		done <- struct{}{}
	}()
	<-done
	fmt.Println("main exits")
}
