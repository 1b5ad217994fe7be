package main

import "fmt"

type Stringer interface{ String() string }

type T struct{}

func main() {
	var s Stringer
	switch v := s.(type) {
	case T:
		fmt.Println("t")
	case int:
	}
	var i interface{} = 1
	switch x := i.(type) {
	case int, string:
		fmt.Println(x + 1)
	}
}
