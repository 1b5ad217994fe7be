package main

func main() {
	x := 0
	y := x++
	_ = y
}
