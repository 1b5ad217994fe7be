package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	ints := []int{5, 2, 8, 1, 9}
	sort.Ints(ints)
	strs := []string{"pear", "apple", "fig"}
	sort.Strings(strs)
	fl := []float64{2.5, -1, 0}
	sort.Float64s(fl)
	fmt.Println(ints, strs, fl, sort.IntsAreSorted(ints))
	people := []Person{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 10}}
	sort.Sort(ByAge(people))
	fmt.Println(people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	fmt.Println(people)
	sort.Slice(ints, func(i, j int) bool { return ints[i] > ints[j] })
	fmt.Println(ints)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints, sort.SearchInts(ints, 8), sort.SearchInts(ints, 7))
	fmt.Println(sort.Search(100, func(i int) bool { return i*i >= 50 }))
}
