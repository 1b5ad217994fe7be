// A goroutine parked deep inside nested statements (a loop, a block, an if) wakes up to a panic:
// the channel it was sending on gets closed. The panic must unwind through those statements into
// the function's deferred calls, where recover stops it; the function then returns its named
// result. Deferred calls also run, in order, after a parked receive inside a loop completes.
package main

import (
	"fmt"
	"sync"
)

func sender(ch chan int, started chan<- bool) (sent int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	defer fmt.Println("sender: deferred print runs first")
	started <- true
	for i := 0; ; i++ {
		if i >= 0 {
			{
				ch <- i
				sent++
			}
		}
	}
}

func receiver(ch <-chan string, wg *sync.WaitGroup) {
	defer wg.Done()
	defer fmt.Println("receiver: done")
	for i := 0; i < 3; i++ {
		if s := <-ch; s != "" {
			fmt.Println("receiver got", s)
		}
	}
}

func main() {
	ch := make(chan int)
	started := make(chan bool)
	result := make(chan string)
	go func() {
		n, err := sender(ch, started)
		result <- fmt.Sprint(n, " ", err)
	}()
	<-started
	fmt.Println("main got", <-ch, <-ch)
	close(ch)
	fmt.Println(<-result)

	var wg sync.WaitGroup
	words := make(chan string)
	wg.Add(1)
	go receiver(words, &wg)
	for _, w := range []string{"a", "b", "c"} {
		words <- w
	}
	wg.Wait()
}
