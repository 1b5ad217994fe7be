package main

import (
	"fmt"
	"time"
)

func main() {
	// The timer fires into its buffered channel after 50ms; nobody receives it, and once it
	// has fired nothing can wake main any more.
	_ = time.After(50 * time.Millisecond)
	ch := make(chan int)
	fmt.Println("waiting on a channel nobody sends to")
	<-ch
}
