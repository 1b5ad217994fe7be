package main

import (
	"fmt"
	"sync"
	"time"
)

type State int

const (
	Idle State = iota
	Running
	Done
)

type Worker struct {
	id   int
	jobs <-chan int
	out  chan<- string
	mu   sync.Mutex
	sync.WaitGroup
	tags map[string][]int `json:"tags"`
}

func (w *Worker) Run(wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range w.jobs {
		w.out <- fmt.Sprintf("worker %d did %d", w.id, j)
	}
}

func gen[T any](xs ...T) <-chan T {
	ch := make(chan T, len(xs))
	go func() {
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	return ch
}

func main() {
	var wg sync.WaitGroup
	jobs := make(chan int)
	out := make(chan string, 10)
	done := make(chan struct{})
	for i := range 3 {
		wg.Add(1)
		w := &Worker{id: i, jobs: jobs, out: out}
		go w.Run(&wg)
	}
	for range 2 {
	}
	var x interface{} = 3
	switch v := x.(type) {
	case int, int64:
		fmt.Println("int", v)
	case nil:
	default:
		_ = v
	}
	switch x.(type) {
	}
	if p := (Worker{}); p.id == 0 {
	}
outer:
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-out:
			_, _ = v, ok
			continue outer
		case jobs <- i:
		case <-time.After(time.Second):
			break outer
		case <-done:
		default:
		}
	}
	a := [...]int{1, 2, 3}
	s := a[1:2:3]
	m := map[string][]int{"a": {1}, "b": {2, 3}}
	pts := []struct{ X, Y int }{{1, 2}, {3, 4}}
	f := func(a, b int, c ...string) (int, error) { return a + b, nil }
	_ = <-chan int(nil)
	var c chan<- chan int
	_, _, _, _, _ = s, m, pts, f, c
	x2 := 0x1F + 0o17 + 0b101 + 017 + 1_000
	y := 1.5e3 + 0x1p-2 + 2i
	r := 'a' + '\n' + '\u00e9'
	fmt.Println(x2, y, r, `raw
string`, "héllo\t")
	goto end
end:
}
