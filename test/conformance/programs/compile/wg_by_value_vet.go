package main

import "fmt"

func main() {
	x := 3
	x = x
	fmt.Println("self-assignment compiles (vet, not the compiler, complains)")
}
