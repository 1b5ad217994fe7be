package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

var ErrClosed = errors.New("closed")

type Stage func(context.Context, <-chan int) <-chan int

type Stats struct {
	sync.RWMutex
	seen map[int]int
}

func (s *Stats) Inc(k int) {
	s.Lock()
	defer s.Unlock()
	s.seen[k]++
}

func source(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int, 1)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- v * v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	stats := &Stats{seen: map[int]int{}}
	stages := []Stage{square, square}
	var in <-chan int = source(ctx, 10)
	for _, st := range stages {
		in = st(ctx, in)
	}
	sum := 0
	for v := range merge(in) {
		stats.Inc(v % 3)
		sum += v
	}
	var once sync.Once
	once.Do(func() { fmt.Println("sum", sum) })
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	timeout := time.After(35 * time.Millisecond)
loop:
	for n := 0; ; n++ {
		select {
		case t := <-ticker.C:
			_ = t
		case <-timeout:
			fmt.Println("ticks", n)
			break loop
		}
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, ErrClosed) {
		fmt.Printf("%v %T\n", err, err)
	} else if x, ok := interface{}(sum).(int); ok {
		fmt.Println(x &^ 1, x<<2, -x, ^x, !ok)
	} else {
		panic("unreachable")
	}
	var p *Stats
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	p.Inc(1)
}
