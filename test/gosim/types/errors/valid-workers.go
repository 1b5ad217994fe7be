package main

import (
	"fmt"
	"sync"
	"time"
	"strings"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Millisecond)
		results <- j * 2
	}
	_ = id
}

func main() {
	c := Counter{n: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("a")
		}()
	}
	wg.Wait()
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	go worker(1, jobs, results, &wg)
	select {
	case v, ok := <-results:
		fmt.Println(v, ok)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	default:
	}
	var sb strings.Builder
	sb.WriteString("x")
	fmt.Printf("%d %s %v\n", c.n["a"], sb.String(), time.Duration(1500)*time.Millisecond)
	var x interface{} = 3
	switch v := x.(type) {
	case int:
		fmt.Println(v + 1)
	case string, error:
		fmt.Println(v)
	}
	for i := range 3 {
		fmt.Println(i)
	}
	d := 2 * time.Second
	fmt.Println(d.Seconds())
	var once sync.Once
	once.Do(func() {})
}
