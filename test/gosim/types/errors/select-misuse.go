package main

func main() {
	ch := make(chan int)
	var x int
	select {
	case x > 0:
	case v := <-ch:
		_ = v
	}
}
