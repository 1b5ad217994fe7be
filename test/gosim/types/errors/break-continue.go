package main

func main() {
	x := 1
	if x > 0 {
		break
	}
	switch x {
	case 1:
		continue
	}
}
