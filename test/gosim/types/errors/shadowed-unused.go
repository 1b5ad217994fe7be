package main

import "fmt"

func main() {
	err := fmt.Errorf("x")
	if true {
		err := fmt.Errorf("y")
	}
	fmt.Println(err)
	for i := 0; i < 3; i++ {
		v := i
	}
}
