package main

import (
	"context"
	"fmt"
)

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	a, cancelA := context.WithCancel(root)
	b, cancelB := context.WithCancel(a)
	defer cancelB()
	sibling, cancelS := context.WithCancel(root)
	defer cancelS()
	cancelA()
	fmt.Println(root.Err(), a.Err(), b.Err(), sibling.Err())
	cancelRoot()
	fmt.Println(sibling.Err())
	ran := make(chan struct{})
	context.AfterFunc(sibling, func() { close(ran) })
	<-ran
	fmt.Println("AfterFunc ran")
	live, cancelLive := context.WithCancel(context.Background())
	stop := context.AfterFunc(live, func() { fmt.Println("never") })
	fmt.Println(stop(), stop())
	cancelLive()
	wc := context.WithoutCancel(b)
	fmt.Println(wc.Err())
}
