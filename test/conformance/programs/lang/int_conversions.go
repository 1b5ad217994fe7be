package main

import "fmt"

func main() {
	x := 300
	fmt.Println(int8(x), uint8(x), int16(x))
	y := -1
	fmt.Println(uint16(y), uint32(y), uint64(y))
	var f float64 = 3.99
	fmt.Println(int(f), int(-f))
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7%-3)
	fmt.Println(1<<3|1, 0xF0&^0x30, 6^3, ^5)
	var u uint8 = 200
	fmt.Println(u>>2, u<<1, int(u)<<1)
	var s int = -16
	fmt.Println(s>>2, s>>10)
}
