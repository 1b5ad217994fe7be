package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	stop := make(chan struct{})
	go func() {
		time.Sleep(350 * time.Millisecond)
		close(stop)
	}()
	n := 0
	for {
		select {
		case <-ticker.C:
			n++
			fmt.Println("tick", n)
		case <-stop:
			fmt.Println("stopped after", n, "ticks")
			return
		}
	}
}
