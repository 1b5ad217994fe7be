package main

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2, 3}
	q := Point{X: 1, Z: 2}
	r := Point{1}
	m := map[string]int{"a": 1, "a": 2}
	_, _, _, _ = p, q, r, m
}
