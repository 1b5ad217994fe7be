package main

import (
	"fmt"
	"time"
)

type T struct{ A int }
type U int
type S string
type B bool
type P struct{}

func main() {
	m := map[any]int{U(1): 1, S("s"): 2, B(true): 3, P{}: 4, time.Duration(7): 6, struct{}{}: 7, [2]string{"a"}: 8, "str": 9, 3: 10, int16(2): 11, uint32(9): 12, uintptr(8): 13, complex64(2): 14, T{2}: 15, false: 16}
	fmt.Println(m)
	fmt.Println(map[any]int{1: 1, "s": 2, true: 3, 2.5: 4, int8(3): 5, T{1}: 6, S("x"): 7, uint(4): 8, 'r': 9, [1]int{1}: 10, complex(1, 1): 11, int64(5): 12, uint8(6): 13, float32(1.5): 14})
	fmt.Println(map[any]string{nil: "nil", 2: "b", 1: "a", "z": "z", "y": "y"})
}
