// Atomic counters with 100 goroutines, wrap-around, CompareAndSwap and Value.
package main

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var plain int32
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				n.Add(1)
				atomic.AddInt32(&plain, 2)
			}
			if i == 42 {
				flag.Store(true)
			}
		}()
	}
	wg.Wait()
	fmt.Println(n.Load(), atomic.LoadInt32(&plain), flag.Load())

	var u atomic.Uint32
	fmt.Println(u.Add(math.MaxUint32), u.Add(2))
	var i32 atomic.Int32
	i32.Store(math.MaxInt32)
	fmt.Println(i32.Add(1))
	var u64 uint64
	fmt.Println(atomic.AddUint64(&u64, ^uint64(0)), atomic.CompareAndSwapUint64(&u64, 0, 5), atomic.CompareAndSwapUint64(&u64, math.MaxUint64, 5), u64)
	fmt.Println(n.CompareAndSwap(1000, 7), n.Swap(9), n.Load(), n.Or(6), n.And(3), n.Load())

	var v atomic.Value
	fmt.Println(v.Load())
	v.Store("config-1")
	fmt.Println(v.Load(), v.Swap("config-2"), v.CompareAndSwap("config-2", "config-3"), v.Load())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store(1)
	}()
}
