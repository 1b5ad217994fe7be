package main

func main() {
	x := 'ab'
	y := ''
	z := "\q"
	_, _, _ = x, y, z
}
