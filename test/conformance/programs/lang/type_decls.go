package main

import "fmt"

type ID int
type Alias = int
type Celsius float64
type Names []string
type Handler func(string) int

func (n Names) Len() int { return len(n) }

func main() {
	var a Alias = 3
	var i int = a
	id := ID(i)
	fmt.Printf("%T %T %v\n", a, id, id)
	c := Celsius(36.6)
	fmt.Printf("%T %v %.0f\n", c, c, float64(c)+0.4)
	n := Names{"x", "y"}
	fmt.Println(n.Len(), len(n), n)
	var h Handler = func(s string) int { return len(s) }
	fmt.Printf("%T %d\n", h, h("four"))
	type local struct{ A, B int }
	fmt.Printf("%T %+v\n", local{1, 2}, local{1, 2})
}
