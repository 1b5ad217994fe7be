package main

type T struct{ a int }

func main() {
	var x T
	if x == T{} {
	}
}
