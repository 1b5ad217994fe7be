package main

type T struct {
	next T
}

type A struct{ b B }
type B struct{ a [2]A }

func main() {}
