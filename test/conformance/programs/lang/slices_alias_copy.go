package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := a[1:3:3]
	fmt.Println(len(c), cap(c))
	c = append(c, 99)
	c[0] = -1
	fmt.Println(a, c)
	dst := make([]int, 3)
	n := copy(dst, a)
	fmt.Println(n, dst)
	n = copy(a, []int{7, 8})
	fmt.Println(n, a)
	bs := make([]byte, 5)
	n = copy(bs, "hi")
	fmt.Println(n, bs)
	fmt.Println(a[:0], a[4:], a[:])
}
