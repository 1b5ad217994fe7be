package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{1 << 29, 1<<29 + 0.5, 1e9, 1e10, 123456789.123, 1e15, 5e15 + 1, 1e16, 1e22, 1e100, 1e200, 1.7e308, math.MaxFloat64,
		0.1, 0.25, 0.7853981633974483, 1.5707963267948966, 2.356194490192345, 3.141592653589793, 4, 5, 6.283185307179586, 10, 100, 1000, 12345.678, -7.5}
	for _, x := range xs {
		fmt.Println(x, math.Sin(x), math.Cos(x), math.Tan(x), math.Atan(x), math.Atan2(x, 3), math.Atan2(-1, x), math.Exp2(x/1e3))
	}
	for _, x := range []float64{-1, -0.9, -0.75, -0.5, -0.3, 0.1, 0.2, 0.4, 0.6, 0.66, 0.7, 0.71, 0.8, 0.95, 0.999, 1, 1.0000001} {
		fmt.Println(x, math.Asin(x), math.Acos(x), math.Atan(x), math.Exp2(x), math.Exp2(x*100), math.Exp2(-1074+x))
	}
	for _, p := range [][2]float64{{math.Inf(1), math.Inf(1)}, {math.Inf(-1), math.Inf(1)}, {math.Inf(1), math.Inf(-1)}, {math.Inf(-1), math.Inf(-1)}, {1, math.Inf(-1)}, {-1, math.Inf(-1)}, {math.Inf(1), 2}, {0, -1}, {math.Copysign(0, -1), -1}, {3, 0}, {-3, 0}} {
		fmt.Println(math.Atan2(p[0], p[1]))
	}
	fmt.Println(math.Float64bits(math.NaN()), math.Float64bits(math.Float64frombits(0x7ff8000000000001)), math.Exp2(1023.5), math.Exp2(-1080), math.Ldexp(1, 1023), math.Ldexp(0.75, 1025))
}
