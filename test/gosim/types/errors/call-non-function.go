package main

func main() {
	x := 5
	x()
	s := "f"
	_ = s(1)
}
