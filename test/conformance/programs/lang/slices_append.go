package main

import "fmt"

// sink makes the slices escape to the heap. Since Go 1.25 the compiler gives a slice that does
// not escape a small stack buffer to start appending into (cap 4 for ints on the first append),
// which is an optimization, not the growth rule this program is about.
var sink [][]int

func main() {
	var s []int
	defer func() { sink = append(sink, s) }()
	fmt.Println(s == nil, len(s), cap(s))
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Println(len(s), cap(s))
	}
	t := make([]int, 3, 10)
	fmt.Println(t, len(t), cap(t))
	u := append([]int{1, 2}, 3, 4, 5)
	fmt.Println(u, len(u), cap(u))
	u = append(u, u...)
	fmt.Println(u, len(u), cap(u))
	strs := append([]string(nil), "a")
	fmt.Println(strs, cap(strs))
}
