package main

import (
	"fmt"
	"math"
)

func main() {
	var f32 float32 = 0.1
	var f64 float64 = 0.1
	fmt.Println(f32, f64, float64(f32))
	fmt.Println(0.1+0.2, 1.0/3.0)
	fmt.Println(float32(1.0) / 3)
	fmt.Println(1e21, 1e20, 1e-5, 123456789.0)
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN())
	z := 0.0
	fmt.Println(1/z, -1/z, z/z == z/z)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(float32(16777217))
	fmt.Println(2.5e-3, 100.0, -0.0)
}
