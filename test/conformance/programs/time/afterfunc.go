package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	t := time.AfterFunc(50*time.Millisecond, func() {
		fmt.Println("fired")
		close(done)
	})
	stopped := time.AfterFunc(10*time.Millisecond, func() { fmt.Println("never") })
	fmt.Println("stop:", stopped.Stop())
	<-done
	fmt.Println("stop after fire:", t.Stop())
}
