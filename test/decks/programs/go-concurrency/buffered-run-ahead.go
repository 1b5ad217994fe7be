package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	done := make(chan struct{})
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
			fmt.Println("sent", i)
		}
		close(done)
	}()
	time.Sleep(time.Second)
	fmt.Println("got", <-ch)
	<-done
}
