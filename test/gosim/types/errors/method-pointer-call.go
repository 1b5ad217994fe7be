package main

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func get() C { return C{} }

func main() {
	get().Inc()
	C{}.Inc()
	var c C
	c.Inc()
}
