package main

import "fmt"

func main() {
	a := 1
	b := "s"
	fmt.Println(a + b)
}
