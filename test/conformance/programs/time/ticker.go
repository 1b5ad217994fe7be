package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(10 * time.Millisecond)
	defer tk.Stop()
	deadline := time.After(55 * time.Millisecond)
	ticks := 0
	for {
		select {
		case <-tk.C:
			ticks++
		case <-deadline:
			fmt.Println("ticks:", ticks)
			return
		}
	}
}
