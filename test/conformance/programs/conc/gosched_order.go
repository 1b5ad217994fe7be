package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine runs")
		done <- true
	}()
	runtime.Gosched()
	<-done
	fmt.Println("main resumes")
}
