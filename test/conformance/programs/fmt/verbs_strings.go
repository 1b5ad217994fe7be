package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Printf("%s|%10s|%-10s|%.3s|%q|%+q|%#q\n", s, s, s, s, s, s, "back`tick")
	fmt.Printf("%q|%q|%#q\n", "tab\there", "new\nline", "raw")
	fmt.Printf("%x|%X|% X\n", s, s, "ab")
	fmt.Printf("%s|%v|%q\n", []string{"a", "b"}, []byte("hi"), []string{"x y"})
	fmt.Printf("%s\n", []byte("bytes as string"))
	fmt.Printf("%5t|%-6t|%v\n", true, false, true)
	fmt.Printf("%q %q %q\n", 'a', '\n', '\x00')
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("100%%\n")
}
