package main

import (
	"errors"
	"fmt"
)

type Inner struct{ N int }

func (i *Inner) String() string { return fmt.Sprint("inner", i.N) }

type Outer struct {
	*Inner
	Tag string
}

type Idx int

func (i Idx) String() string { return []string{"zero", "one"}[i] }

type ErrPanics struct{}

func (ErrPanics) Error() string { panic(errors.New("error method failed")) }

type NilMap struct{ m map[string]int }

func (n NilMap) String() string {
	n.m["x"] = 1
	return "unreachable"
}

type Div struct{ a, b int }

func (d Div) String() string { return fmt.Sprint(d.a / d.b) }

func main() {
	fmt.Println(Outer{nil, "t"})
	fmt.Println(Outer{&Inner{3}, "u"})
	fmt.Println(Idx(1), Idx(5))
	fmt.Printf("[%v] [%s] [%d]\n", ErrPanics{}, ErrPanics{}, ErrPanics{})
	fmt.Println(NilMap{})
	fmt.Printf("%v|%5v|%x\n", Div{1, 0}, Div{7, 2}, Div{255, 1})
	err := fmt.Errorf("wrapped: %w", ErrPanics{})
	fmt.Println(errors.Is(err, ErrPanics{}))
	var ip *Inner
	fmt.Printf("%v %s %+v %d\n", ip, ip, ip, ip)
	fmt.Println([]fmt.Stringer{Idx(0), nil, &Inner{1}})
}
