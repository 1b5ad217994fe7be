package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu    sync.Mutex
	count int
}

func main() {
	c := Counter{}
	c.mu.lock()
	c.Count++
	fmt.Println(c.total)
}
