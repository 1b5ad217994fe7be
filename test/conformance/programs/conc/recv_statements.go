// Every form of receive statement: into new and existing names, with and without ok, through a
// conversion to an interface, into a package-level variable, discarded, and a deadlock in a
// goroutine blocked on a nil channel at a plain `<-ch`.
package main

import "fmt"

type celsius float64

var last any

func main() {
	ch := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		ch <- i * 10
	}
	v := <-ch
	fmt.Println("v:", v)
	v, ok := <-ch
	fmt.Println("v, ok:", v, ok)
	var x any
	x = <-ch
	fmt.Printf("x: %v %T\n", x, x)
	last = <-ch
	fmt.Println("last:", last)

	temps := make(chan celsius, 1)
	temps <- 21.5
	var shown any
	shown, ok = <-temps
	fmt.Printf("shown: %v %T %v\n", shown, shown, ok)

	done := make(chan struct{})
	results := make(chan string)
	go func() {
		for i := 0; i < 3; i++ {
			results <- fmt.Sprint("r", i)
		}
		close(results)
		close(done)
	}()
	for {
		r, more := <-results
		if !more {
			break
		}
		fmt.Println("got", r)
	}
	<-done
	_ = <-done
	_, open := <-done
	fmt.Println("done open:", open)

	var never chan int
	go func() {
		<-never
	}()
	var block chan bool
	<-block
}
