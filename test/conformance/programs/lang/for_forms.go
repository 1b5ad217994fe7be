package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 5 {
			break
		}
		if k%2 == 0 {
			continue
		}
		fmt.Print("odd", k, " ")
	}
	fmt.Println()
	for i := range 4 {
		fmt.Print(i)
	}
	fmt.Println()
	for range 2 {
		fmt.Print("x")
	}
	fmt.Println()
	var n8 int8 = 3
	for i := range n8 {
		fmt.Printf("%T%d ", i, i)
	}
	fmt.Println()
}
