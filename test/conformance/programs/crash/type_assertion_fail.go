package main

import "fmt"

func main() {
	var x any = "text"
	n := x.(int)
	fmt.Println(n)
}
