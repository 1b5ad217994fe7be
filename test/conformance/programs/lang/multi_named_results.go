package main

import "fmt"

func divmod(a, b int) (int, int) { return a / b, a % b }

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func tricky() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func swap(a, b string) (string, string) { return b, a }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(split(17))
	fmt.Println(tricky())
	a, b := swap("x", "y")
	fmt.Println(a, b)
	_, r2 := divmod(9, 4)
	fmt.Println(r2)
	fmt.Println(divmod(divmod(20, 3)))
}
