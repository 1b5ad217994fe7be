package main

import "strconv"

func one() int { return 1 }

func main() {
	a, b := one()
	n := strconv.Atoi("1")
	var c, d = 1
	_, _, _, _, _ = a, b, n, c, d
}
