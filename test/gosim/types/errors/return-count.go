package main

import "errors"

func parse(s string) (int, error) {
	if s == "" {
		return errors.New("empty")
	}
	return 1, nil, 2
}

func nothing() {
	return 1
}

func main() {
	parse("")
	nothing()
}
