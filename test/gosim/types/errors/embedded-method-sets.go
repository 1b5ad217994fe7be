package main

import "fmt"

type Animal interface {
	Sound() string
	fmt.Stringer
}

type Base struct{ name string }

func (b *Base) String() string { return b.name }

type Dog struct {
	*Base
}

func (Dog) Sound() string { return "woof" }

type Cat struct {
	Base
}

func (Cat) Sound() string { return "meow" }

func main() {
	var a Animal = Dog{&Base{"d"}}
	var b Animal = Cat{Base{"c"}}
	var c Animal = &Cat{Base{"c"}}
	fmt.Println(a, b, c)
	var s fmt.Stringer = a
	var an Animal = s
	_ = an
}
