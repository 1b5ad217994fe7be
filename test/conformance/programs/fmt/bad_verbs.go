package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d\n", 1, "x", 3.5)
	fmt.Printf("%!\n")
	fmt.Printf("%z\n", 3)
	fmt.Printf("no verbs\n", true)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%.*d\n", "x", 5)
	fmt.Printf("%t\n", 1)
	fmt.Printf("%x\n", 3.5)
	fmt.Printf("%d\n", nil)
	fmt.Printf("%s\n", []int{1})
	fmt.Printf("%d\n", map[string]int{"a": 1})
	fmt.Printf("%")
	fmt.Println()
	fmt.Println(fmt.Sprintf("%d%%%s", 5))
}
