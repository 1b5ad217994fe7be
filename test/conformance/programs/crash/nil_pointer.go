package main

type T struct{ X int }

func main() {
	var p *T
	p.X = 5
}
