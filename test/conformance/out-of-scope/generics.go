package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type Number interface{ ~int | ~float64 }

type ID int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	p := Pair[string, int]{"x", 1}
	fmt.Printf("%v %+v %T\n", p, p, p)
	fmt.Println(Map([]int{1, 2, 3}, func(n int) string { return fmt.Sprint(n * n) }))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2), Sum[ID](1, 2))
}
