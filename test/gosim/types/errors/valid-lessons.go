package main

import (
	"errors"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"time"
)

type T struct{}

func (*T) String() string { return "T" }

var _ fmt.Stringer = (*T)(nil)

type SafeMap struct {
	sync.RWMutex
	m map[string]int
}

type Locked struct {
	*sync.Mutex
	n int
}

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

const N = 4

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func waitAll(fs ...func()) {
	var wg sync.WaitGroup
	for _, f := range fs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
}

func serve(quit <-chan struct{}, in <-chan int) int {
	total := 0
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return total
			}
			total += v
		case <-quit:
			return -1
		}
	}
}

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func find(k string) (int, error) {
	if k == "" {
		return 0, NotFound{k}
	}
	return len(k), nil
}

func main() {
	sm := SafeMap{m: map[string]int{}}
	sm.Lock()
	sm.m["a"] = 1
	sm.Unlock()
	l := Locked{Mutex: &sync.Mutex{}}
	l.Lock()
	l.n++
	l.Unlock()
	var st Stack
	st.Push(1)
	st.Push(2)
	fmt.Println(st.Pop(), len(st))
	words := []string{"ccc", "a", "bb"}
	sort.Sort(byLen(words))
	sort.Sort(sort.Reverse(sort.IntSlice([]int{1, 2})))
	var arr [N]int
	arr2 := [...]string{2: "b", 0: "a"}
	dst := make([]int, 2)
	n := copy(dst, arr[:])
	fmt.Println(len(arr2), n, words)
	next := counter()
	next()
	fmt.Println(next())
	waitAll(func() {}, func() { time.Sleep(time.Millisecond) })
	in := make(chan int, 3)
	quit := make(chan struct{})
	in <- 1
	in <- 2
	close(in)
	fmt.Println(serve(quit, in))
	if _, err := find(""); err != nil {
		var nf NotFound
		if errors.As(err, &nf) {
			fmt.Println(nf.Key == "", err)
		}
	}
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(100) >= 0)
	args := []any{1, "a"}
	fmt.Println(args...)
	fmt.Printf("%v %v\n", args...)
	var sb strings.Builder
	sb.WriteByte('x')
	sb.WriteRune('é')
	b := []byte("hello")
	fmt.Println(string(b[:2]), sb.Len())
	for i := range len(words) {
		_ = i
	}
	x, y := 1, 2
	x, y = y, x
	var i64 int64 = 3
	s := make([]string, i64)
	d := time.Duration(i64) * time.Millisecond
	fmt.Println(x, y, len(s), d, d.String())
	switch v := len(words); v {
	case 1, 2:
	case 3:
		fmt.Println("three")
	}
	type kv struct {
		k string
		v int
	}
	kvs := []kv{{"a", 1}, {k: "b", v: 2}}
	ptrs := []*kv{{"c", 3}}
	mm := map[string]kv{"x": {"x", 9}}
	fmt.Println(kvs, ptrs[0].k, mm["x"].v)
	var iface interface{ String() string } = &T{}
	fmt.Println(iface)
	ch := make(chan chan int, 1)
	inner := make(chan int, 1)
	ch <- inner
	(<-ch) <- 5
	fmt.Println(<-inner)
	var f func()
	if f == nil {
		f = func() {}
	}
	f()
	select {
	case <-time.After(time.Millisecond):
	}
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("init", i) })
	}
	type Celsius float64
	temp := Celsius(36.6)
	fmt.Printf("%.1f %T\n", temp, temp)
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "abc"))
	var e error
	fmt.Println(e == nil, errors.New("x") != nil)
	var m sync.Map
	m.Store("k", 1)
	if v, ok := m.Load("k"); ok {
		fmt.Println(v.(int) + 1)
	}
	m.Range(func(k, v any) bool { return true })
}
