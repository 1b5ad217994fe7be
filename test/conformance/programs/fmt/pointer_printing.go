package main

import "fmt"

type Inner struct{ V int }
type Outer struct {
	Name string
	In   Inner
	P    *Inner
}

func main() {
	o := &Outer{Name: "o", In: Inner{1}}
	fmt.Println(o)
	fmt.Printf("%v %+v\n", o, o)
	ps := &[]int{1, 2}
	pm := &map[string]int{"a": 1}
	pa := &[2]string{"x", "y"}
	fmt.Println(ps, pm, pa)
	fmt.Printf("%T %T %T\n", o, make(chan int), make(<-chan string))
	var np *Outer
	fmt.Printf("%v %+v\n", np, np)
	fmt.Println(o.P == nil)
}
