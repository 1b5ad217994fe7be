package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type point struct{ x, y int }

// countdown is a program's own iterator.
func countdown(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := n; i > 0; i-- {
			if !yield(i) {
				fmt.Println("countdown stopped at", i)
				return
			}
		}
	}
}

func main() {
	m := map[string]int{"c": 3, "a": 1, "b": 2, "d": 4}
	fmt.Println(slices.Sorted(maps.Keys(m)), len(slices.Collect(maps.Values(m))))
	sum := 0
	maps.All(m)(func(k string, v int) bool {
		sum += v
		return true
	})
	fmt.Println("sum", sum)
	seen := 0
	maps.Keys(m)(func(k string) bool {
		seen++
		return seen < 2
	})
	fmt.Println("seen", seen)

	s := []string{"x", "y", "z"}
	slices.All(s)(func(i int, v string) bool {
		fmt.Print(i, v, " ")
		return true
	})
	fmt.Println()
	slices.Backward(s)(func(i int, v string) bool {
		fmt.Print(i, v, " ")
		return i > 1
	})
	fmt.Println()
	vals := slices.Values(s)
	c := slices.Collect(vals)
	c[0] = "changed"
	fmt.Println(s, c, len(c), cap(c))
	fmt.Println(slices.Collect(countdown(5)))
	fmt.Println(slices.Sorted(countdown(4)))
	e := slices.Collect(countdown(0))
	fmt.Println(e == nil, len(e), cap(e))
	got := slices.AppendSeq([]int{10, 20}, countdown(3))
	fmt.Println(got, len(got))
	many := slices.Collect(countdown(9))
	fmt.Println(len(many), cap(many))
	byLen := slices.SortedFunc(slices.Values([]string{"ccc", "a", "bb", "dd"}), func(a, b string) int { return len(a) - len(b) })
	fmt.Println(byLen)
	stable := slices.SortedStableFunc(slices.Values([]string{"ccc", "a", "bb", "dd", "e"}), func(a, b string) int { return len(a) - len(b) })
	fmt.Println(stable)
	first := 0
	countdown(10)(func(i int) bool {
		first = i
		return false
	})
	fmt.Println("first", first)

	// Values are copies: changing a struct the iterator yielded leaves the slice alone.
	ps := []point{{1, 2}, {3, 4}}
	slices.Values(ps)(func(p point) bool {
		p.x = 100
		return true
	})
	fmt.Println(ps)
	// A later write to the slice is seen by an iterator made before it.
	it := slices.Values(ps)
	ps[1].y = 40
	fmt.Println(slices.Collect(it))

	// Deleting during the walk: deleted keys that were not reached are not produced.
	m2 := map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true}
	n := 0
	maps.Keys(m2)(func(k int) bool {
		n++
		for j := range 6 {
			if j != k {
				delete(m2, j)
			}
		}
		return true
	})
	fmt.Println("walked", n, len(m2))

	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Print(k, "=", counts[k], " ")
	}
	fmt.Println()
	fmt.Printf("%T %T\n", slices.Collect(maps.Keys(counts)), slices.Sorted(maps.Values(counts)))

	defer func() { fmt.Println("recovered:", recover()) }()
	var none func(func(int) bool)
	slices.Collect(none)
}
