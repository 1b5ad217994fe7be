// Fan-in: one select loop receiving from 4 producers of 100k values each.
package main

import "fmt"

const perProducer = 100_000

func produce(base int, out chan<- int) {
	for i := 0; i < perProducer; i++ {
		out <- base + i%10
	}
	close(out)
}

func main() {
	chans := make([]chan int, 4)
	for i := range chans {
		chans[i] = make(chan int)
		go produce(i*10, chans[i])
	}
	a, b, c, d := chans[0], chans[1], chans[2], chans[3]
	sum, n := 0, 0
	for a != nil || b != nil || c != nil || d != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		case v, ok := <-c:
			if !ok {
				c = nil
				continue
			}
			sum += v
		case v, ok := <-d:
			if !ok {
				d = nil
				continue
			}
			sum += v
		}
		n++
	}
	fmt.Println("values:", n, "sum:", sum)
}
