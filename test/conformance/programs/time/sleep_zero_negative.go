package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("returned immediately")
	t := time.NewTimer(0)
	<-t.C
	fmt.Println("zero timer fires")
	<-time.After(-5)
	fmt.Println("negative after fires")
}
