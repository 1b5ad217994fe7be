package main

import (
	"fmt"
	"time"
)

func main() {
	// Since Go 1.23 a timer whose channel nobody waits on does not keep the program "alive":
	// the deadlock is reported at once, not after an hour.
	_ = time.After(time.Hour)
	ch := make(chan int)
	fmt.Println("waiting")
	<-ch
}
