package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var u uint32
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 2)
			atomic.AddUint32(&u, 1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), atomic.LoadUint32(&u))
	atomic.StoreInt64(&n, 5)
	fmt.Println(atomic.CompareAndSwapInt64(&n, 5, 6), atomic.CompareAndSwapInt64(&n, 5, 7), n)
	old := atomic.SwapInt64(&n, 100)
	fmt.Println(old, n)
	var i32 int32 = 10
	atomic.AddInt32(&i32, -3)
	fmt.Println(i32)
}
