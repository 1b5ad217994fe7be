// Operators whose operands are local variables and constants (gosim reads these in place):
// compound assignments with wrap-around, comparisons against constants of several types, and
// mixed local/constant arithmetic.
package main

import "fmt"

func main() {
	var a int8 = 120
	a += 10
	var b uint8 = 3
	b -= 5
	var c int32 = 1 << 30
	c *= 4
	var u uint64 = 1
	u <<= 63
	u += u
	d, e := 7, -3
	d %= e
	e /= 2
	f := 1.5
	f *= f
	s := "go"
	s += "pher"
	t := s
	t += s
	n := 10
	n -= n
	fmt.Println(a, b, c, u, d, e, f, s, t, n)

	x, y := 5, 9
	fmt.Println(x < 6, x <= 5, x > 5, x >= 6, y%4, 100-y, x*y, y/2, -x+3)
	g := 2.5
	fmt.Println(g < 3, g >= 2.5, g*2, 1/g)
	w := "m"
	fmt.Println(w < "n", w > "m", w >= "m", w+"!")
	var big int64 = 9007199254740993
	big += 2
	fmt.Println(big, big > 9007199254740994, big-1)
	i := 0
	for i < 5 {
		i++
	}
	i--
	fmt.Println(i)
}
