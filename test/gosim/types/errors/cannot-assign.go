package main

func f() int { return 1 }

type P struct{ X int }

func main() {
	s := "abc"
	s[0] = 'x'
	const k = 5
	k = 6
	f() = 1
	m := map[string]P{}
	m["a"].X = 1
}
