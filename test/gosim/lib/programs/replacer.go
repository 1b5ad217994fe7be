package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
)

// logW records every call a Replacer makes on it.
type logW struct{ calls []string }

func (w *logW) Write(p []byte) (int, error) {
	w.calls = append(w.calls, fmt.Sprintf("W%q", p))
	return len(p), nil
}

func (w *logW) WriteString(s string) (int, error) {
	w.calls = append(w.calls, fmt.Sprintf("S%q", s))
	return len(s), nil
}

// onlyW has no WriteString, so everything arrives through Write.
type onlyW struct{ calls []string }

func (w *onlyW) Write(p []byte) (int, error) {
	w.calls = append(w.calls, fmt.Sprintf("%q", p))
	return len(p), nil
}

// failW fails on the second call.
type failW struct{ n int }

func (w *failW) Write(p []byte) (int, error) {
	w.n++
	if w.n == 2 {
		return 1, fmt.Errorf("boom")
	}
	return len(p), nil
}

func show(r *strings.Replacer, s string) {
	var a logW
	n, err := r.WriteString(&a, s)
	var b onlyW
	m, _ := r.WriteString(&b, s)
	fmt.Printf("%q -> %q | %d %v %v | %d %v\n", s, r.Replace(s), n, err, a.calls, m, b.calls)
}

func main() {
	reps := []*strings.Replacer{
		strings.NewReplacer("<", "&lt;", ">", "&gt;"),
		strings.NewReplacer("a", "1", "b", "2", "a", "3"),
		strings.NewReplacer("a", "a", "b", "c"),
		strings.NewReplacer("a", "", "b", "xyz", "a", "q"),
		strings.NewReplacer("ab", "X"),
		strings.NewReplacer("aaa", "3", "aa", "2", "a", "1"),
		strings.NewReplacer("a", "1", "aa", "2", "aaa", "3"),
		strings.NewReplacer("", "-"),
		strings.NewReplacer("a", "A", "", "-"),
		strings.NewReplacer("", "-", "a", "A"),
		strings.NewReplacer("hello", "HI", "he", "HE", "llo", "LLO", "x", ""),
		strings.NewReplacer(),
		&strings.Replacer{},
		strings.NewReplacer("é", "e", "ü", "u"),
	}
	for _, r := range reps {
		for _, s := range []string{"", "a", "aaaa", "<a>b</a>", "abab", "hello there hello", "xaxbx", "résumé über"} {
			show(r, s)
		}
	}
	var f failW
	n, err := strings.NewReplacer("a", "AA").WriteString(&f, "xaxa")
	fmt.Println(n, err)
	var buf bytes.Buffer
	strings.NewReplacer("o", "0").WriteString(&buf, "foo boo")
	fmt.Println(buf.String())
	strings.NewReplacer("\n", "\\n").WriteString(os.Stdout, "line1\nline2\n")
	fmt.Println()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		strings.NewReplacer("a")
	}()
	args := []string{"x", "y"}
	r := strings.NewReplacer(args...)
	args[1] = "z"
	fmt.Println(r.Replace("xx"))
}
