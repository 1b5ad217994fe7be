package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main deferred")
	runtime.Goexit()
}
