package main

import (
	"fmt"
	"math"
)

func main() {
	nz := math.Copysign(0, -1)
	xs := []float64{0, nz, 1, -1, 0.5, -2.75, 3, 1e-300, 1e300, math.Pi, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range xs {
		i, f := math.Modf(x)
		fr, e := math.Frexp(x)
		fmt.Println(x, math.Copysign(3, x), math.Copysign(x, -1), i, f, fr, e, math.Ldexp(x, 3), math.Ldexp(x, -1075), math.Dim(x, 1))
		fmt.Println(math.Sin(x), math.Cos(x), math.Tan(x), math.Atan(x), math.Asin(x), math.Acos(x), math.Sinh(x), math.Cosh(x), math.Tanh(x))
		fmt.Println(math.Exp(x), math.Exp2(x), math.Expm1(x), math.Log1p(x), math.Atan2(x, -1), math.IsNaN(x), math.Float64bits(x), math.Float32bits(float32(x)))
	}
	fmt.Println(math.Float64frombits(0x3ff8000000000000), math.Float32frombits(0x40490fdb), math.Ldexp(0.5, 1024), math.Ldexp(1, -1074))
}
