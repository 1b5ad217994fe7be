package main

import (
	"fmt"
	"os"
)

func main() {
	go func() {
		select {}
	}()
	fmt.Println("bye")
	os.Exit(0)
}
