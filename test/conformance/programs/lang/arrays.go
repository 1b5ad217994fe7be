package main

import "fmt"

func modify(a [3]int) { a[0] = 100 }

func main() {
	var a [3]int
	b := [...]string{"x", "y"}
	c := [5]int{1: 10, 3: 30}
	a[2] = 5
	modify(a)
	d := a
	d[0] = 9
	fmt.Println(a, b, c, d, len(c))
	fmt.Println(a == [3]int{0, 0, 5})
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	fmt.Println(grid, grid[1][2])
	for i, v := range b {
		fmt.Println(i, v)
	}
}
