package main

import "fmt"

type T struct{ a int }

func (t T) M()  {}
func (t *T) M() {}

func f() {}
func f() {}

func main() int {
	x := 1
	var x = 2
	switch x {
	case 1, 1:
	}
	fmt.Println(x)
	return 0
}
