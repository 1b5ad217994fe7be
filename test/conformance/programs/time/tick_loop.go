package main

import (
	"fmt"
	"time"
)

func main() {
	c := time.Tick(25 * time.Millisecond)
	start := time.Now()
	for i := 1; i <= 3; i++ {
		<-c
		fmt.Println("tick", i, time.Since(start) >= time.Duration(i)*25*time.Millisecond)
	}
	tk := time.NewTicker(time.Second)
	tk.Reset(5 * time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticker reset")
}
