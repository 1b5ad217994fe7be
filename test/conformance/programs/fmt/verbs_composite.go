package main

import "fmt"

type Point struct {
	X, Y int
	Tag  string
}

type Wrapper struct {
	P    *Point
	List []int
	M    map[string]int
}

func main() {
	p := Point{1, 2, "t"}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%v|%+v\n", &p, &p)
	w := Wrapper{nil, []int{1}, map[string]int{"z": 1, "a": 2}}
	fmt.Printf("%v|%+v\n", w, w)
	fmt.Printf("%#v\n", w)
	fmt.Printf("%v|%#v|%T\n", []int{1, 2}, []int{1, 2}, []int{})
	fmt.Printf("%v|%#v\n", [2]bool{true}, map[int]string{2: "b", 1: "a"})
	var np *Point
	var ns []int
	var nm map[string]int
	var ni any
	fmt.Printf("%v|%v|%v|%v|%#v|%#v\n", np, ns, nm, ni, ns, nm)
	fmt.Printf("%d|%x|%s\n", []int{10, 11}, []int{10, 11}, []string{"q"})
	fmt.Printf("%v %d\n", struct{}{}, struct{ A, B int }{1, 2})
	fmt.Printf("%T %T %T %T\n", ni, 'x', nil, func(int) string { return "" })
	fmt.Printf("%v\n", [][]int{{1}, {2, 3}})
	fmt.Println(map[string][]int{"b": {2}, "a": {1}})
}
