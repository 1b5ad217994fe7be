// A program's own Context type embedding a standard one: children still get canceled with it.
package main

import (
	"context"
	"fmt"
)

type traced struct {
	context.Context
	name string
}

func (t traced) Value(key any) any {
	if key == "name" {
		return t.name
	}
	return t.Context.Value(key)
}

func main() {
	base, cancel := context.WithCancel(context.Background())
	parent := traced{base, "svc"}
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	ran := make(chan bool)
	context.AfterFunc(parent, func() { fmt.Println("after func on custom parent"); close(ran) })
	fmt.Println(child.Value("name"), child.Err())
	cancel()
	<-child.Done()
	<-ran
	fmt.Println(child.Err(), context.Cause(parent))
	fmt.Println(child)
}
