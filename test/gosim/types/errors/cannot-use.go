package main

type S struct{ a int }
type T int

func f() int { return 1 }

func g(s string) string { return s }

func h() string {
	return 5
}

func main() {
	var s S
	var x int = s
	var t T = 3
	var y string = t
	x = "a"
	g(x)
	_, _ = y, h()
}
