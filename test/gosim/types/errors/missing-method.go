package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ s float64 }

func (q Square) Area() float64 { return q.s * q.s }

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return c.r }
func (c *Circle) Perimeter() float64 { return c.r }

type Bad struct{}

func (Bad) Area() int           { return 0 }
func (Bad) Perimeter() float64 { return 0 }

func main() {
	var shapes []Shape
	shapes = append(shapes, Square{1})
	shapes = append(shapes, Circle{1})
	shapes = append(shapes, Bad{})
	shapes = append(shapes, &Circle{1})
}
