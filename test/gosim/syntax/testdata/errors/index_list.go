package main

import "fmt"

func main() {
	names := []string{"a"}
	fmt.Println(names[0 , 'x', "y"])
}
