package main

import "fmt"

func main() {
	var x uint8 = 1
	for i := 0; i < 10; i++ {
		fmt.Print(x<<i, " ")
	}
	fmt.Println()
	var y int64 = -1
	fmt.Println(y>>63, y<<63, uint64(y)>>60)
	n := 70
	one := int32(1)
	fmt.Println(1<<n == 0, one<<31)
	const huge = 1 << 70
	fmt.Println(huge>>65, float64(huge))
	var i int = 1e9
	fmt.Println(i * i * 10)
}
