package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(100 * time.Millisecond)
	fmt.Println("stopped:", t.Stop())
	fmt.Println("stopped again:", t.Stop())
	t.Reset(20 * time.Millisecond)
	<-t.C
	fmt.Println("fired after reset")
	fmt.Println("reset fired:", t.Reset(10*time.Millisecond))
	v := <-t.C
	fmt.Println(v.IsZero())
	t2 := time.NewTimer(time.Hour)
	select {
	case <-t2.C:
		fmt.Println("no")
	default:
		fmt.Println("not yet")
	}
}
