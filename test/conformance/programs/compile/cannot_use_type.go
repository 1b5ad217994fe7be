package main

func takesInt(n int) {}

func main() {
	var s string = 5
	takesInt("five")
	var f float64 = 1.5
	var i int = f
	_, _ = s, i
}
