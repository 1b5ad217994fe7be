package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	n := &Node{Val: 1}
	n.Next = &Node{Val: 2}
	for c := n; c != nil; c = c.Next {
		fmt.Println(c.Val)
	}
	var np *Node
	fmt.Println(np == nil, np)
	q := new(int)
	*q = 42
	fmt.Println(*q)
	pp := &p
	**pp = 7
	fmt.Println(x)
}
