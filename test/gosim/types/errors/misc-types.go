package main

import (
	"fmt"
	"strconv"
)

type Celsius float64
type ID string

func main() {
	var c Celsius = 10
	var f float64 = c
	id := ID("a")
	var s string = id
	n := strconv.Itoa(int64(5))
	b := []byte("x")
	var r []rune = b
	x := 5
	var p *int = x
	var arr [3]int = []int{1, 2, 3}
	fmt.Println(f, s, n, r, p, arr)
}
