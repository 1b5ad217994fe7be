package main

import "errors"

func main() {
	panic(errors.New("disk full"))
}
