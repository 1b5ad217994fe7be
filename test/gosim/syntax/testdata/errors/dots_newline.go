package main

func gen(xs ..
	int) {
	x := 1 +
}
