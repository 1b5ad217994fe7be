package main

import "fmt" if

func main() { fmt.Println() }
