package main

import "sync"

func add(a int, b string) {}

func main() {
	add(1)
	add(1, "a", 3)
	var wg sync.WaitGroup
	wg.Add()
}
