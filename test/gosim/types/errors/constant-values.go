package main

func main() {
	const third = 1 / 3.0
	var a int = third
	var b int8 = 1e100
	var c string = 0.1
	var d uint = 1 << 70
	var e int = 'a' + 0.5
	var f bool = "x" == "y" + "z"
	var g int = 12345678901234567890
	var h string = 'x'
	var i float32 = 1e40
	var j int = -0.5
	_, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, f, g, h, i, j
}
