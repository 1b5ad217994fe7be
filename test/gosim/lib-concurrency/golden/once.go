// Once: concurrent callers wait for the first call to finish; a panicking f counts as done.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() {
				time.Sleep(100 * time.Millisecond)
				fmt.Println("init by", i)
			})
			fmt.Println(i, "sees init done after", time.Since(start).Truncate(50*time.Millisecond))
		}()
		time.Sleep(time.Millisecond)
	}
	wg.Wait()

	var p sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		p.Do(func() { panic("first call fails") })
	}()
	p.Do(func() { fmt.Println("never runs") })
	fmt.Println("second Do returned")

	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(get(), get(), calls)
	f := sync.OnceFunc(func() { panic("once func") })
	for range 2 {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}
}
