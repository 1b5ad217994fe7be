package main

import "fmt"

type T struct {
	next T
	n    int
}

func main() {
	var t T
	t.n = 1
	fmt.Println(t.n, T{})
}
