package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ N int }

func main() {
	var p atomic.Pointer[Config]
	p.Store(&Config{N: 1})
	old := p.Swap(&Config{N: 2})
	fmt.Println(old.N, p.Load().N, p.CompareAndSwap(nil, nil))
	fmt.Printf("%T\n", &p)
	var q *atomic.Pointer[int] = &atomic.Pointer[int]{}
	var bad int = p
	_ = q
	_ = bad
}
