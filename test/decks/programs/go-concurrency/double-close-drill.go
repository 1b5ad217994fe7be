package main

import "fmt"

func main() {
	done := make(chan struct{})
	defer close(done)
	fmt.Println("working")
	close(done)
	fmt.Println("stopped early")
}
