package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Println(len(s), cap(s))
	}
	t := make([]int, 3, 10)
	fmt.Println(t, len(t), cap(t))
	u := append([]int{1, 2}, 3, 4, 5)
	fmt.Println(u, len(u), cap(u))
	u = append(u, u...)
	fmt.Println(u, len(u), cap(u))
	strs := append([]string(nil), "a")
	fmt.Println(strs, cap(strs))
}
