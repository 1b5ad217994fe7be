package main

import (
	"fmt"
	"slices"
	"strings"
)

type person struct {
	name string
	age  int
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6, 7, 8}
	calls := 0
	even := slices.DeleteFunc(s, func(v int) bool { calls++; return v%2 == 1 })
	fmt.Println(even, s, len(even), cap(even), calls)
	fmt.Println(slices.DeleteFunc([]int{2, 4}, func(v int) bool { return v > 10 }))
	var none []int
	fmt.Println(slices.DeleteFunc(none, func(v int) bool { return true }) == nil)

	fmt.Println(slices.EqualFunc([]int{1, 2, 3}, []string{"1", "2", "3"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []int{1}, func(a, b int) bool { return true }))

	words := []string{"a", "A", "b", "B", "b", "c", "C", "c", "d"}
	var trace []string
	out := slices.CompactFunc(words, func(x, y string) bool {
		trace = append(trace, x+y)
		return strings.EqualFold(x, y)
	})
	fmt.Println(out, words, trace)
	fmt.Println(slices.CompactFunc([]int{1, 2, 3}, func(a, b int) bool { return a == b }))

	c := slices.Clip(make([]int, 2, 10))
	fmt.Println(len(c), cap(c))

	people := []person{{"Alice", 20}, {"Bob", 30}, {"Carol", 40}}
	i, found := slices.BinarySearchFunc(people, 30, func(p person, age int) int { return p.age - age })
	fmt.Println(i, found)
	i, found = slices.BinarySearchFunc(people, "Bz", func(p person, n string) int { return strings.Compare(p.name, n) })
	fmt.Println(i, found)
}
