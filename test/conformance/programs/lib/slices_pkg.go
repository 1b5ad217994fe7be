package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func main() {
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	fmt.Println(slices.Contains(s, 9), slices.Index(s, 1), slices.Max(s), slices.Min(s))
	c := slices.Clone(s)
	slices.Sort(c)
	fmt.Println(c, s[:3])
	i, found := slices.BinarySearch(c, 5)
	fmt.Println(i, found)
	fmt.Println(slices.Compact(c), slices.Equal([]int{1}, []int{1}))
	r := slices.Clone(s)
	slices.Reverse(r)
	fmt.Println(r)
	words := []string{"Banana", "apple", "cherry"}
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(words)
	fmt.Println(slices.IndexFunc(s, func(v int) bool { return v > 4 }), slices.ContainsFunc(s, func(v int) bool { return v < 0 }))
	fmt.Println(slices.Insert([]int{1, 4}, 1, 2, 3), slices.Delete([]int{0, 1, 2, 3}, 1, 3))
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(1.0, 2.0))
	type P struct {
		N string
		A int
	}
	ps := []P{{"x", 2}, {"y", 1}, {"z", 2}}
	slices.SortStableFunc(ps, func(a, b P) int { return cmp.Compare(a.A, b.A) })
	fmt.Println(ps)
}
