package main

import "fmt"

func f() int { return 1 }

const c = f()

type Color int

const (
	Red Color = iota
	Green
)

func main() {
	var s string = Green
	fmt.Println(c, s)
}
