// Bit-exact results of the math functions gosim computes the way Go does, over pseudo-random
// arguments from tiny to huge (each line: function, x, y, Float64bits of the result).
package main

import (
	"fmt"
	"math"
)

func main() {
	seed := uint64(12345)
	next := func() float64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return float64(seed>>11) / (1 << 53)
	}
	names := []string{"Exp", "Log", "Sinh", "Cosh", "Tanh", "Log1p", "Expm1", "Sin", "Cos", "Tan", "Atan", "Asin", "Exp2", "Log2", "Log10", "Cbrt", "Pow", "Atan2", "Hypot"}
	fs := []func(x, y float64) float64{
		func(x, y float64) float64 { return math.Exp(x) },
		func(x, y float64) float64 { return math.Log(x) },
		func(x, y float64) float64 { return math.Sinh(x) },
		func(x, y float64) float64 { return math.Cosh(x) },
		func(x, y float64) float64 { return math.Tanh(x) },
		func(x, y float64) float64 { return math.Log1p(x) },
		func(x, y float64) float64 { return math.Expm1(x) },
		func(x, y float64) float64 { return math.Sin(x) },
		func(x, y float64) float64 { return math.Cos(x) },
		func(x, y float64) float64 { return math.Tan(x) },
		func(x, y float64) float64 { return math.Atan(x) },
		func(x, y float64) float64 { return math.Asin(x / 50) },
		func(x, y float64) float64 { return math.Exp2(x) },
		func(x, y float64) float64 { return math.Log2(x) },
		func(x, y float64) float64 { return math.Log10(x) },
		func(x, y float64) float64 { return math.Cbrt(x) },
		func(x, y float64) float64 { return math.Pow(x, y) },
		func(x, y float64) float64 { return math.Atan2(y, x) },
		func(x, y float64) float64 { return math.Hypot(x, y) },
	}
	for i := 0; i < 60; i++ {
		x := (next() - 0.3) * math.Pow(10, next()*60-30)
		y := (next() - 0.5) * 8
		for k, f := range fs {
			fmt.Println(names[k], x, y, math.Float64bits(f(x, y)))
		}
	}
}
