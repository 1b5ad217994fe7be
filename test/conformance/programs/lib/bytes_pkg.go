package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	fmt.Fprintf(&buf, " %d", 42)
	fmt.Println(buf.String(), buf.Len())
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Contains([]byte("seafood"), []byte("foo")))
	fmt.Println(string(bytes.ToUpper([]byte("abc"))), bytes.Index([]byte("chicken"), []byte("ken")))
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,c"), []byte(",")))
}
