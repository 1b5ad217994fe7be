package main

import (
	"fmt"
	"os"
	"time"
)

func a() {
	x := 1
	y := "s"
	z := x + y
	var t time.Duration = 5.5
}

func b() int {
	q := 1
	for i := range 3 {
		v := i
	}
	return "s"
}

func main() {
	p := 1
	r := 2
	fmt.Println(undefinedX)
	w := 3
}
