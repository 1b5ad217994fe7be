package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[1], s[0:1])
	for i, r := range "aé世" {
		fmt.Println(i, r, string(r))
	}
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), b)
	r := []rune(s)
	fmt.Println(len(r), string(r[7:]))
	var c byte = 'A'
	var d rune = 'é'
	fmt.Println(c, d, string(rune(c+1)))
	fmt.Println("a"+"b" < "b", "abc" > "abd")
	fmt.Println(string(rune(0x4e16)), "\u00e9" == "é")
	raw := `a\nb`
	fmt.Println(raw, len(raw))
}
