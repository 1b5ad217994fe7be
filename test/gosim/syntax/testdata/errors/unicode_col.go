package main

import "fmt"

func main() {
	fmt.Println("héllo", x y)
}
