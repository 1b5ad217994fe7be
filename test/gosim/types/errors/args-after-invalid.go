package main

import "fmt"

func main() {
	var a float64 = 1e1000
	var b float32 = 1e39
	c := 1e1000
	var d int = 2.5
	const e = 1e1000
	fmt.Println(a, b, c, d, e)
	var f = float32(1e300)
	const g float64 = 1e308 * 10
	var h int = 1e1000
	var i float64 = -1e1000
	var j = 1e-1000 * 1.5
	var k float32 = 1e-50
	fmt.Println(f, g, h, i, j, k, 1.0/3.0 + 1e1000)
	x := 1.23456789e1000
	y := 0.1e-400
	var z uint8 = 1e1000
	_ = 1.5 + 1e1000 - 1e1000 == 1.5
	fmt.Println(x, y, z)
}
