package main

import (
	"fmt"
	"strings"
)

type Op func(int, int) int

type Handler interface{ Handle(string) string }

type HandlerFunc func(string) string

func (f HandlerFunc) Handle(s string) string { return f(s) }

func compose(fs ...func(string) string) func(string) string {
	return func(s string) string {
		for _, f := range fs {
			s = f(s)
		}
		return s
	}
}

func main() {
	ops := map[string]Op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](2, 3), ops["mul"](2, 3))
	var h Handler = HandlerFunc(strings.ToUpper)
	fmt.Println(h.Handle("hi"))
	f := compose(strings.TrimSpace, strings.ToLower, func(s string) string { return s + "!" })
	fmt.Println(f("  HeLLo "))
	var rec func(int) int
	rec = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * rec(n-1)
	}
	fmt.Println(rec(10))
}
