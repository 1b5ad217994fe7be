package main

func produce(ch chan<- int) {
	v := <-ch
	_ = v
}

func main() {
	produce(make(chan int))
}
