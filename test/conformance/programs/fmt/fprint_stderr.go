package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 1)
	fmt.Fprint(os.Stderr, "err", 2, "\n")
	n, err := fmt.Fprintf(os.Stdout, "%05.1f\n", 3.14159)
	fmt.Println(n, err)
	os.Stdout.WriteString("direct write\n")
	os.Stdout.Write([]byte("bytes\n"))
	println("builtin println goes to stderr", 1, true)
	print("builtin print\n")
}
