// Interfaces whose methods are unexported, as lesson code often declares them: dynamic calls,
// type assertions and switches to such interfaces, an embedded interface, a method value, and
// a pointer-receiver method reached through the interface.
package main

import "fmt"

type shape interface {
	area() float64
	name() string
}

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }
func (r rect) name() string  { return "rect" }

type circle struct{ r float64 }

func (c *circle) area() float64 { return 3 * c.r * c.r }
func (c *circle) name() string  { return "circle" }

type namer interface{ name() string }

type labelled struct {
	shape
	label string
}

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

type incer interface{ inc() }

func describe(x any) string {
	switch v := x.(type) {
	case shape:
		return fmt.Sprintf("shape %s %.0f", v.name(), v.area())
	case namer:
		return "namer " + v.name()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

type onlyName struct{}

func (onlyName) name() string { return "only" }

func main() {
	shapes := []shape{rect{2, 3}, &circle{1}, labelled{rect{1, 1}, "l"}}
	total := 0.0
	for _, s := range shapes {
		total += s.area()
		fmt.Println(s.name(), s.area())
	}
	fmt.Println("total", total)
	var n namer = shapes[1]
	fmt.Println("as namer:", n.name())
	if s, ok := n.(shape); ok {
		fmt.Println("back to shape:", s.area())
	}
	_, ok := any(onlyName{}).(shape)
	fmt.Println("onlyName is a shape:", ok)
	fmt.Println(describe(rect{4, 5}), "|", describe(onlyName{}), "|", describe(42))
	f := shapes[0].area
	fmt.Println("method value:", f())
	var i incer = &counter{}
	i.inc()
	i.inc()
	fmt.Println("count:", i.(*counter).n)
}
