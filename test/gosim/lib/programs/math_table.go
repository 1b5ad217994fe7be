package main

import (
	"fmt"
	"math"
)

func main() {
	zero := 0.0
	nz := -zero
	xs := []float64{0, nz, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 10, 1e-10, 1e300, 123.456,
		math.Pi, math.E, 2, 3, 7, 100, 1000, 0.1, math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370497, 1e15 + 0.5}
	for _, x := range xs {
		fmt.Println(x, math.Floor(x), math.Ceil(x), math.Round(x), math.Trunc(x), math.Abs(x), math.Signbit(x),
			math.Sqrt(x), math.Cbrt(x), math.Log2(x), math.Log10(x), math.Log(x))
	}
	ys := []float64{0, 1, 2, 3, -1, -2, 0.5, 10, -3, 53, 64, 1075, -1075, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range []float64{0, nz, 1, -1, 2, -2, 0.5, 10, 1.1, 3, math.Inf(1), math.Inf(-1), math.NaN()} {
		for _, y := range ys {
			fmt.Print(math.Pow(x, y), " ")
		}
		fmt.Println()
	}
	for _, p := range [][2]float64{{3, 4}, {1e300, 1e300}, {0, 0}, {-5, 12}, {math.Inf(-1), math.NaN()}, {1, 1e-300}} {
		fmt.Println(math.Hypot(p[0], p[1]), math.Mod(p[0], p[1]), math.Max(p[0], p[1]), math.Min(p[0], p[1]))
	}
	fmt.Println(math.Max(math.NaN(), math.Inf(1)), math.Min(math.Inf(-1), math.NaN()), math.Max(0, nz), math.Min(0, nz))
	fmt.Println(math.Mod(7, -3), math.Mod(-7, 3), math.Mod(5.5, 2), math.Mod(1, 0), math.Mod(math.Inf(1), 2), math.Mod(3, math.Inf(1)))
	fmt.Println(math.IsInf(math.Inf(1), 0), math.IsInf(math.Inf(-1), 1), math.Inf(0), math.NaN() == math.NaN())
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.MaxInt, math.MinInt32, uint64(math.MaxUint64))
}
