package main

func main() {
	a := 09
	b := 0x
	c := 1__0
	d := 0b102
	e := 1e
	_, _, _, _, _ = a, b, c, d, e
}
