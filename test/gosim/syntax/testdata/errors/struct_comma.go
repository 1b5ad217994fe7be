package main

type P struct {
	X int,
	Y int
}

func main() {}
