package main

import "fmt"

type I interface{ M() int }
type T struct{}

func (T) M() int { return 1 }

func main() {
	n := 3
	var f float64 = 1 << n
	fm := T.M
	var i I = T{}
	im := i.M
	fmt.Println(fm(T{}), im(), f)
unused:
	for {
		break
	}
	var p *T
	p.M()
	var u uint = 1 << n
	x := 1.5 << 2
	fmt.Println(u, x)
}
