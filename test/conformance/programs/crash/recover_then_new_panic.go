package main

import "errors"

func main() {
	defer func() {
		if r := recover(); r != nil {
			panic(errors.New("converted: " + r.(string)))
		}
	}()
	panic("original")
}
