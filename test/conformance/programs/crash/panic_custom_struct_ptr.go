package main

type E struct{ Code int }

func (e *E) Error() string { return "E" }

func main() {
	panic(&E{5})
}
