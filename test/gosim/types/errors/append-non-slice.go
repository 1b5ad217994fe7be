package main

func main() {
	n := 0
	n = append(n, 1)
	var m map[string]int
	_ = append(m, 1)
}
