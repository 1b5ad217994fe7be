package main

func main() {
	var ch chan<- bool
	ch <- true
}
