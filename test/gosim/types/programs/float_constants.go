package main

import (
	"fmt"
	"math"
)

const c = 5.0

func main() {
	var arr [c]int
	s := make([]int, 1e2)
	var i int = 1e3
	x := 1e3
	var f32 float32 = 1.0 / 3
	fmt.Println(len(arr), len(s), i, x, s[2.0], 1<<2.0, 2.0<<1, f32, float64(f32))
	fmt.Println(math.Pi, math.Pi*2, math.Pi/180*90, math.E*math.E, math.Sqrt2*math.Sqrt2)
	fmt.Println(1.0/3*3 == 1, 0.1*3, 1e-7, 123456789.0*10, 0.1+0.2-0.3)
	const big = 1 << 100
	fmt.Println(big/(1<<98), float64(big), big*1.5/1e30)
	var u8 uint8 = 255.0
	var d float64 = 7 / 2.0
	fmt.Println(u8, d, math.MaxInt64*1.0, float32(math.MaxFloat32), -0.0 == 0.0)
	fmt.Println(float32(0.1)+0.2, 0.7*100, int64(0.7*100))
}
