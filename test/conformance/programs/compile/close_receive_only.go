package main

func main() {
	ch := make(chan int)
	var r <-chan int = ch
	close(r)
}
