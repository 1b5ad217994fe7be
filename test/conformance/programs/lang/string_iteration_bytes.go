package main

import "fmt"

func main() {
	s := "a\xffb"
	for i, r := range s {
		fmt.Println(i, r)
	}
	fmt.Println(len(s), []byte(s))
	fmt.Println(string([]rune{0x48, 0x49}))
	t := "x"
	t += "y"
	t = t + t
	fmt.Println(t, t[1:3], t[len(t)-1])
	fmt.Printf("%q\n", string(rune(-1)))
}
