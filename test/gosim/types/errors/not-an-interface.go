package main

func main() {
	x := 5
	if v, ok := x.(int); ok {
		_ = v
	}
	switch x.(type) {
	}
}
