package main

func c(n int) { panic(n * 10) }
func b(n int) { c(n + 1) }
func a()      { b(1) }

func main() {
	a()
}
