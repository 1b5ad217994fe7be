package main

func main() {
	panic("something went wrong")
}
