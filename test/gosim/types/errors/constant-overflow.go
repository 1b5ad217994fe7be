package main

func main() {
	var a int8 = 300
	var b uint = -1
	var c int = 1.5
	const d uint8 = 255
	e := d + 1
	f := int8(200)
	_, _, _, _, _ = a, b, c, e, f
}
