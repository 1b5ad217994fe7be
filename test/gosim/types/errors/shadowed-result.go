package main

import "errors"

func f() (n int, err error) {
	if true {
		err := errors.New("x")
		return
	}
	return
}

func main() {
	f()
}
