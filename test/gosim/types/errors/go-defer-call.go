package main

import "fmt"

func main() {
	go fmt.Println
	defer recover
	go int(1)
}
