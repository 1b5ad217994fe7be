package main

import "fmt"

func f() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 10
	defer fmt.Println("x at defer time", x)
	x = 20
	defer func() { fmt.Println("x in closure", x) }()
	fmt.Println("body done")
}

func main() {
	f()
	fmt.Println("main done")
}
