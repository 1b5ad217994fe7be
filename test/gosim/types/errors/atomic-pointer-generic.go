package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ N int }

func main() {
	var p atomic.Pointer[Config]
	var q atomic.Pointer[int]
	var r atomic.Pointer
	p.Store(1)
	q = p
	var s int = p.Load
	var t *int = p.Swap(nil)
	p.CompareAndSwap(&Config{}, nil, nil)
	fmt.Println(q, r, s, t, p.Nope)
}
