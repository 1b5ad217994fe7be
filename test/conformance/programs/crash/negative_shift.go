package main

import "fmt"

func main() {
	s := -1
	fmt.Println(1 << 3)
	fmt.Println(1 << s)
}
