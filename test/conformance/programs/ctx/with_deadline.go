package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancelParent := context.WithDeadline(context.Background(), time.Now().Add(50*time.Millisecond))
	defer cancelParent()
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()
	d1, _ := parent.Deadline()
	d2, _ := child.Deadline()
	fmt.Println(d1.Equal(d2))
	<-child.Done()
	fmt.Println(child.Err(), parent.Err())
	past, c := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer c()
	fmt.Println(past.Err())
}
