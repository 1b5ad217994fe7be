package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 5; i++ {
			data <- i
		}
		close(quit)
	}()
	total := 0
	for {
		select {
		case v := <-data:
			total += v
			fmt.Println("value", v)
		case <-quit:
			fmt.Println("quit, total", total)
			return
		}
	}
}
