package main

func main() {
	s := make([]int, 3, 5)
	j := 7
	_ = s[:j]
}
