package main

import "fmt"

func main() {
	fmt.Println(count)
	fmt.Printline("x")
}
