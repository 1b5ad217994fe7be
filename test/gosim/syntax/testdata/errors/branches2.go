package main

func main() {
	x := 1
	{
	M:
		_ = x
	}
	goto M
	goto N
	switch x {
	case 1:
		fallthrough
	case 2:
		if true {
			fallthrough
		}
	}
	var i interface{} = x
	switch i.(type) {
	case int:
		fallthrough
	default:
	}
O:
	if x > 0 {
		break O
	}
P:
	for {
		func() {
			break
		}()
		continue P
	}
Q:
	switch {
	default:
		continue Q
	}
	break R
}
