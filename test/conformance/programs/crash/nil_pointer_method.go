package main

import "fmt"

type Node struct{ next *Node; val int }

func (n *Node) Val() int { return n.val }

func main() {
	var n *Node
	fmt.Println(n.Val())
}
