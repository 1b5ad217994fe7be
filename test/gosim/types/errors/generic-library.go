package main

import (
	"fmt"
	"slices"
)

type P struct{ x int }

func main() {
	ps := []P{{1}}
	fmt.Println(slices.Max(ps))
	fmt.Println(slices.Contains([]int{1}, "a"))
}
