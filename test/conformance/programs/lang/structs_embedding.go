package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Animal struct{ Name string }

func (a *Animal) Rename(n string) { a.Name = n }
func (a Animal) Hello() string    { return "I am " + a.Name }

type Dog struct {
	Animal
	Breed string
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p == Point{1, 2})
	d := Dog{Animal{"rex"}, "lab"}
	d.Rename("max")
	fmt.Println(d.Hello(), d.Name, d.Animal.Name)
	fmt.Printf("%v %+v\n", d, d)
	anon := struct {
		A int
		B string
	}{3, "x"}
	fmt.Println(anon)
	var z Dog
	fmt.Printf("%q %q\n", z.Name, z.Breed)
}
