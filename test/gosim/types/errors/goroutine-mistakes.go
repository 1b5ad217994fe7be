package main

import (
	"fmt"
	"sync"
)

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func work() (int, error) {
	go func() int {
		return
	}()
	return 0
}

func main() {
	mu := sync.Mutex{}
	defer mu.Unlock
	var ch chan<- int = make(<-chan int)
	s := []int{1}
	ps := &s
	fmt.Println(len(ps))
	m := map[string]C{}
	m["a"].Inc()
	for key, val := range m {
	}
	var wg *sync.WaitGroup
	wg.Add(1.5)
	work()
	_ = ch
}
