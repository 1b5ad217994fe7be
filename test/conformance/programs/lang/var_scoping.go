package main

import "fmt"

var global = initGlobal()

func initGlobal() int {
	fmt.Println("init global")
	return 5
}

func init() {
	fmt.Println("init func", global)
	global++
}

func main() {
	fmt.Println("main", global)
	x := 1
	{
		x := 2
		x++
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	if x := 10; x > 5 {
		fmt.Println("if", x)
	} else {
		fmt.Println("else", x)
	}
	var (
		a int
		b string
		c *int
		d []int
		e map[int]int
		f float64
		g bool
	)
	fmt.Println(a, b == "", c, d, e, f, g)
	a, b2 := 1, "two"
	fmt.Println(a, b2)
}
