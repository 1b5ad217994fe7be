package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	var c atomic.Int32
	var b atomic.Bool
	var u atomic.Uint64
	var v atomic.Value
	var p atomic.Pointer[Config]
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Add(1)
			u.Add(3)
		}()
	}
	wg.Wait()
	fmt.Println(c.Load(), u.Load())
	fmt.Println(b.Load(), b.CompareAndSwap(false, true), b.Load(), b.Swap(false))
	fmt.Println(v.Load())
	v.Store("hello")
	fmt.Println(v.Load())
	fmt.Println(p.Load() == nil)
	p.Store(&Config{"one"})
	fmt.Println(p.Load().Name)
	c.Store(-5)
	fmt.Println(c.Load(), c.CompareAndSwap(-5, 1), c.Load())
}
