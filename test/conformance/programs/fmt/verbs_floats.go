package main

import (
	"fmt"
	"math"
)

func main() {
	f := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.2f|%08.2f|%+.1f\n", f, f, f, f, f, f)
	fmt.Printf("%e|%E|%.3e|%g|%G\n", f, f, f, f, 1e-7)
	fmt.Printf("%g|%g|%g|%g|%g\n", 100000.0, 1000000.0, 1e21, 0.0001, 0.00001)
	fmt.Printf("%v|%v|%v\n", 1.0, 2.5, float32(0.1))
	fmt.Printf("%.3g|%.10g|%x\n", 1234.5678, 1.0/3, 1.0)
	fmt.Printf("%f|%f|%f|%5.1f\n", math.Inf(1), math.Inf(-1), math.NaN(), math.Inf(1))
	fmt.Printf("%v|%.0f|%.0f|%.0f\n", -0.0, 0.5, 1.5, 2.5)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Println(1e6, 1e-4, 123456789.123, float32(1)/3, 5e-324)
}
