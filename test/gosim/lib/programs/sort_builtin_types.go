package main

import (
	"fmt"
	"sort"
)

func main() {
	s := []int{5, 2, 8, 1, 9, 3, 7, 4, 6, 0, 11, 15, 13, 12, 14, 10}
	sort.Sort(sort.Reverse(sort.IntSlice(s)))
	fmt.Println(s, sort.IsSorted(sort.IntSlice(s)), sort.IsSorted(sort.Reverse(sort.IntSlice(s))))
	names := sort.StringSlice{"pear", "apple", "fig"}
	names.Sort()
	fmt.Println(names, names.Len(), names.Less(0, 1))
	fs := sort.Float64Slice{2.5, -1, 3}
	sort.Stable(fs)
	fmt.Println(fs, sort.SearchFloat64s(fs, 2.5), sort.SearchStrings(names, "fig"))
	sort.Sort(sort.Reverse(names))
	fmt.Println(names, sort.StringsAreSorted(names))
	people := map[string]int{"x": 3, "y": 1, "z": 2}
	keys := make([]string, 0, len(people))
	for k := range people {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return people[keys[i]] < people[keys[j]] })
	fmt.Println(keys)
}
