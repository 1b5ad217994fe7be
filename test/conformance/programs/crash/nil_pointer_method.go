package main

import "fmt"

type Node struct {
	val  int
	next *Node
}

func (n *Node) Val() int { return n.val }

func main() {
	var n *Node
	fmt.Println(n.Val())
}
