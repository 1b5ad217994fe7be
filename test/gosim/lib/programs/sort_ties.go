package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

type Item struct {
	Key, ID int
}

type Items []Item

var calls int

func (x Items) Len() int           { return len(x) }
func (x Items) Less(i, j int) bool { calls++; return x[i].Key < x[j].Key }
func (x Items) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

func make1(n, mod int, seed int) []Item {
	out := make([]Item, n)
	v := seed
	for i := range out {
		v = (v*1103515245 + 12345) % 2147483648
		out[i] = Item{v % mod, i}
	}
	return out
}

func ids(xs []Item) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = x.ID
	}
	return out
}

func main() {
	for _, n := range []int{13, 30, 60, 200} {
		a := make1(n, 5, n)
		sort.Slice(a, func(i, j int) bool { calls++; return a[i].Key < a[j].Key })
		fmt.Println(n, "Slice", calls, ids(a))
		calls = 0
		b := make1(n, 7, n+1)
		sort.Sort(Items(b))
		fmt.Println(n, "Sort", calls, ids(b))
		calls = 0
		c := make1(n, 3, n+2)
		sort.Stable(Items(c))
		fmt.Println(n, "Stable", calls, ids(c))
		calls = 0
		d := make1(n, 4, n+3)
		slices.SortFunc(d, func(x, y Item) int { calls++; return cmp.Compare(x.Key, y.Key) })
		fmt.Println(n, "SortFunc", calls, ids(d))
		calls = 0
		e := make1(n, 1000, n+4)
		slices.SortStableFunc(e, func(x, y Item) int { calls++; return cmp.Compare(x.Key/100, y.Key/100) })
		fmt.Println(n, "SortStableFunc", calls, ids(e))
		calls = 0
	}
	desc := make([]Item, 100)
	for i := range desc {
		desc[i] = Item{(100 - i) / 3, i}
	}
	sort.Sort(Items(desc))
	fmt.Println("desc", calls, ids(desc))
	calls = 0
	organ := make([]Item, 120)
	for i := range organ {
		k := i
		if i >= 60 {
			k = 119 - i
		}
		organ[i] = Item{k / 2, i}
	}
	sort.Sort(sort.Reverse(Items(organ)))
	fmt.Println("organ", calls, ids(organ))
}
