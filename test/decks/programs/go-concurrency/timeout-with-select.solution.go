package main

import (
	"fmt"
	"time"
)

func slowQuery(result chan<- string) {
	time.Sleep(2 * time.Second)
	result <- "rows"
}

func main() {
	result := make(chan string, 1)
	go slowQuery(result)
	select {
	case r := <-result:
		fmt.Println(r)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	time.Sleep(5 * time.Second) // the rest of the program keeps running
}
