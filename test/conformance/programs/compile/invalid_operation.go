package main

func main() {
	var s []int
	var m map[string]int
	_ = s == s
	_ = m + m
}
