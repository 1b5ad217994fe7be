package main

import "fmt"

func main() {
	fmt.Println("a", 1, 2, "b", true, nil, 3.5)
	fmt.Print("a", 1, 2, "b", true, 3.5, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("x", "y", "\n")
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	s := fmt.Sprint("a", 1, 2, "b")
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprintln("x", 1) == "x 1\n")
	fmt.Println()
	fmt.Println([]any{1, "a", nil}, []string{"a b", "c"})
}
