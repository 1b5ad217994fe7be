package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustPositive(n int) {
	if n < 0 {
		panic(errors.New("negative"))
	}
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	func() {
		defer func() {
			r := recover()
			fmt.Printf("%T %v\n", r, r)
		}()
		mustPositive(-1)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var m map[string]int
		m["x"] = 1
	}()
	fmt.Println(recover())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		panic(fmt.Sprintf("code %d", 42))
	}()
}
