package main

import "math"

func main() {
	var _ uint8 = math.MaxFloat64 * 2
	var _ uint8 = -1e-400
	var _ uint8 = 1.0 / 3e-320
	var _ uint8 = 123456789.123
	var _ uint8 = 0.000012345678
	var _ uint8 = math.Pi * 1e500
	var _ uint8 = 2.5e-310
	var _ uint8 = 9.999999e999
	var _ uint8 = 1e21 + 0.5
}
