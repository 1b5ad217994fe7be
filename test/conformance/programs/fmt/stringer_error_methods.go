package main

import (
	"errors"
	"fmt"
)

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Oops struct{ code int }

func (o Oops) Error() string { return fmt.Sprintf("oops %d", o.code) }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as stringer" }

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprint("ptr#", p.n) }

type Panicky struct{}

func (Panicky) String() string { panic("boom") }

func main() {
	fmt.Println(Color(1), []Color{0, 2})
	fmt.Printf("%v|%s|%d|%q|%x\n", Color(2), Color(2), Color(2), Color(0), Color(1))
	fmt.Printf("%#v|%T\n", Color(1), Color(1))
	fmt.Println(Oops{3}, Both{})
	fmt.Println(PtrStringer{1}, &PtrStringer{2})
	fmt.Println(map[Color]int{2: 1, 0: 5})
	fmt.Println(Panicky{})
	err := errors.New("plain")
	fmt.Printf("%v|%s|%q|%#v\n", err, err, err, Oops{1})
	var nilErr error
	fmt.Printf("%v\n", nilErr)
}
