package main

import "fmt"

func main() {
	s := "abc"
	n := -1 + len(s) + 1
	fmt.Println(s[n])
}
