package main

import "fmt"

type Inner struct{ V []int }
type Outer struct {
	Name string
	In   Inner
	Arr  [2]int
}

func main() {
	o := Outer{Name: "a", In: Inner{V: []int{1}}, Arr: [2]int{1, 2}}
	c := o
	c.Name = "b"
	c.In.V[0] = 99
	c.Arr[0] = 50
	fmt.Printf("%+v\n%+v\n", o, c)
	ptr := &o
	ptr.Arr[1] = 7
	fmt.Println(o.Arr)
	type K struct {
		A int
		B string
	}
	fmt.Println(K{1, "x"} == K{1, "x"}, K{1, "x"} != K{2, "x"})
	m := map[K]int{}
	m[K{1, "a"}]++
	m[K{1, "a"}]++
	fmt.Println(m)
}
