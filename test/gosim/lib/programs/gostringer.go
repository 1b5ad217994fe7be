package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) GoString() string { return fmt.Sprintf("Pt(%d,%d)", p.X, p.Y) }
func (p Point) String() string   { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Level int

const (
	Low Level = iota
	High
)

func (l Level) String() string {
	switch l {
	case Low:
		return "low"
	case High:
		return "high"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

func main() {
	p := Point{1, 2}
	fmt.Printf("%v %+v %#v %s %T\n", p, p, p, p, p)
	fmt.Printf("%#v %#v\n", []Point{p}, map[string]Point{"a": p})
	fmt.Printf("%v %d %#v %x %q\n", High, High, High, High, High)
	fmt.Println(Level(7), []Level{Low, High})
	fmt.Printf("%08v|%-6v|%6s|\n", High, Low, High)
}
