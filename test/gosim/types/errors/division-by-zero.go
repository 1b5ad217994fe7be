package main

func main() {
	x := 10
	_ = x / 0
	_ = 1.0 / 0
	_ = x % 0
}
