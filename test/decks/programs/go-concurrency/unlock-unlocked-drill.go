package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var c counter
	c.inc()
	fmt.Println(c.n)
}
