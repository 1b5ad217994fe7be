package main

func main() {
	var f0 func(yield func() bool)
	var f1 func(func(int))
	var f2 func(yield func(int, string, bool) bool)
	var f3 func(yield func(int) bool) int
	var f4 func(int)
	for x := range f0 {
		_ = x
	}
	for range f0 {
	}
	for x := range f1 {
		_ = x
	}
	for x := range f2 {
		_ = x
	}
	for x := range f3 {
		_ = x
	}
	for x := range f4 {
		_ = x
	}
}
