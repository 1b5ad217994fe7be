package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var i16 int16 = -32768
	i16--
	var u16 uint16 = 65535
	u16 += 2
	var i32 int32 = 2147483647
	i32 += 1
	var u32 uint32 = 1 << 31
	u32 *= 2
	var i64 int64 = 9223372036854775807
	i64++
	var u64 uint64 = 0
	u64 -= 1
	var u uint = 3
	u -= 5
	fmt.Println(i8, u8, i16, u16, i32, u32)
	fmt.Println(i64, u64)
	fmt.Println(u == ^uint(0)-1)
	var m int8 = -128
	fmt.Println(-m, m/-1)
}
