package main

import (
	"fmt"
	"sort"
	"sync"
)

func producer(id int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 3; i++ {
		out <- id*100 + i
	}
}

func main() {
	out := make(chan int)
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go producer(id, out, &wg)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	var got []int
	for v := range out {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got)
}
