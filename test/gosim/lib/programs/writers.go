package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
)

var errFull = errors.New("disk full")

type Upper struct{ out []string }

func (u *Upper) Write(p []byte) (int, error) {
	u.out = append(u.out, strings.ToUpper(string(p)))
	return len(p), nil
}

type Failing struct{}

func (Failing) Write(p []byte) (int, error) { return 0, errFull }

func main() {
	u := &Upper{}
	n, err := fmt.Fprintf(u, "hello %s #%d", "gopher", 1)
	fmt.Println(n, err, u.out)
	fmt.Fprintln(u, "second", 2)
	fmt.Printf("%q\n", u.out)
	n, err = fmt.Fprint(Failing{}, "x")
	fmt.Println(n, err)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%05.1f|", 3.14159)
	fmt.Fprint(&buf, "a", 1, 2)
	fmt.Println(buf.String(), buf.Len())
	var sb strings.Builder
	fmt.Fprintln(&sb, []int{1, 2}, map[int]bool{2: true, 1: false})
	fmt.Print(sb.String())
	fmt.Fprintln(os.Stderr, "warning:", 42)
	fmt.Fprintf(os.Stdout, "%s to stdout\n", "direct")
	b := fmt.Append(nil, "x", 1)
	b = fmt.Appendln(b, "y")
	fmt.Printf("%q\n", b)
}
