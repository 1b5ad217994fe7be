package main

import "fmt"

func main() {
	m := map[string]int{"b": 2, "a": 1}
	m["c"] = 3
	v, ok := m["a"]
	w, ok2 := m["zz"]
	fmt.Println(v, ok, w, ok2, len(m))
	delete(m, "b")
	delete(m, "nope")
	fmt.Println(m)
	var nm map[string]bool
	fmt.Println(nm["x"], len(nm), nm == nil, nm)
	counts := map[rune]int{}
	for _, r := range "hello" {
		counts[r]++
	}
	fmt.Println(counts)
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	fmt.Println(nested)
	type key struct{ x, y int }
	grid := map[key]string{{1, 2}: "p"}
	fmt.Println(grid[key{1, 2}], grid)
}
