package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"a": 1}
	var x int = maps.Keys(m)
	var y iter.Seq[string] = slices.Values([]int{1})
	var z iter.Seq
	var w iter.Seq2[int]
	var v iter.Seq[int, int]
	var u iter.Seq2
	for a, b := range maps.Keys(m) {
		fmt.Println(a, b)
	}
	var q []int = slices.Sorted(maps.Keys(m))
	fmt.Println(x, y, z, w, v, u, q)
}
