package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d\n", n, n, n, n, n, n)
	fmt.Printf("%b|%o|%O|%x|%X|%#x|%#o|%#b\n", n, n, n, n, n, n, n, n)
	fmt.Printf("%c|%q|%U|%#U\n", 65, 'é', 0x1F600, 'x')
	fmt.Printf("%d|%x|%o\n", -42, -42, -8)
	fmt.Printf("%08.3d|%.0d|%x\n", 7, 0, uint64(1<<63))
	fmt.Printf("%3c|%-3c|\n", 'a', 'b')
	fmt.Printf("%v %d\n", int8(-128), uint16(65535))
	fmt.Printf("%x %X % x %#x\n", "hi", []byte{1, 171}, "abc", "go")
}
