package main

import "fmt"

// Untyped float constants are exact: these only fail because of the final conversion.
const big = 1e1000

func main() {
	var a float64 = big
	b := 1.23456789e1000
	var c uint8 = 256.0
	d := int8(300.0)
	e := float32(1e39)
	f := int(big)
	fmt.Println(1 / 3.0e-1000)
	const g float32 = 1e39
	var h = 1e-1000 * 1e1000 // exactly 1
	fmt.Println(a, b, c, d, e, f, g, h, big/1e999)
}
