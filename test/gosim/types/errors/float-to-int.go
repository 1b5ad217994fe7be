package main

func main() {
	var a int8 = 300.0
	var b int32 = 1e10
	var c int64 = 1e19
	var d int64 = 1e30
	var e uint8 = -1.0
	_, _, _, _, _ = a, b, c, d, e
}
