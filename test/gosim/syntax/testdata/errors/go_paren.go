package main

func f() {}

func main() {
	go (f)()
	defer f
}
