package main

func main() {
	goto L
	x := 1
L:
	_ = x
L:
	for {
		break
	}
	switch {
	case true:
		fallthrough
	}
	continue
}
