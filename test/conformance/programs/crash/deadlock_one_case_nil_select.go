package main

func main() {
	var ch chan int
	select {
	case v := <-ch:
		_ = v
	}
}
