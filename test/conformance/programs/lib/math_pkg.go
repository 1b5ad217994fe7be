package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Abs(-3.5))
	fmt.Println(math.Floor(-2.5), math.Ceil(2.1), math.Round(2.5), math.Round(-2.5), math.Trunc(-2.7))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Mod(7, 3), math.Hypot(3, 4))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint8)
	fmt.Println(uint64(math.MaxUint64), math.MaxInt)
	fmt.Printf("%.4f %.4f %.4f\n", math.Pi, math.E, math.Log(math.E))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/2), math.Cos(0), math.Log2(8))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.Signbit(-0.0))
	fmt.Println(math.Cbrt(27), math.Log10(1000), math.Exp(0))
}
