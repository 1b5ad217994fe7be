package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("sleeper woke and left")
	}()
	<-ch
}
