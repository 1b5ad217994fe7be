// sync.Map filled by concurrent writers, its load/store/swap/compare operations, and sync.Pool.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type point struct{ x, y int }

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Store(fmt.Sprintf("k%02d", i), i*i)
		}()
	}
	wg.Wait()
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	fmt.Println(m.Load("k03"))
	fmt.Println(m.Load("missing"))
	fmt.Println(m.LoadOrStore("k03", 0))
	fmt.Println(m.LoadOrStore("new", 1))
	fmt.Println(m.Swap("new", 2))
	fmt.Println(m.CompareAndSwap("new", 1, 3), m.CompareAndSwap("new", 2, 3))
	fmt.Println(m.LoadAndDelete("new"))
	fmt.Println(m.CompareAndDelete("k04", 16), m.CompareAndDelete("k05", 0))
	m.Delete("k05")
	m.Store(point{1, 2}, "struct key")
	m.Store(1, "int key")
	fmt.Println(m.Load(point{1, 2}))
	fmt.Println(m.Load(int64(1)))
	n := 0
	m.Range(func(k, v any) bool { n++; return n < 3 })
	fmt.Println("stopped after", n)
	m.Clear()
	_, ok := m.Load("k01")
	fmt.Println(ok)

	made := 0
	pool := sync.Pool{New: func() any { made++; return new([64]byte) }}
	a := pool.Get().(*[64]byte)
	a[0] = 7
	pool.Put(a)
	b := pool.Get().(*[64]byte)
	fmt.Println(b[0], made)
	var empty sync.Pool
	fmt.Println(empty.Get())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m.Store([]int{1}, 1)
	}()
}
