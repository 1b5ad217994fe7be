package main

func main() {
	x := nil
	var y = nil
	_ = y
	var p *int = nil
	_ = p + 1
}
