// Cancellation trees: cancel propagates down, never up; Err, Cause, Value and String.
package main

import (
	"context"
	"errors"
	"fmt"
)

type key string

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err(), bg.Done() == nil)
	root, cancelRoot := context.WithCancel(bg)
	vctx := context.WithValue(root, key("user"), "gopher")
	child, cancelChild := context.WithCancel(vctx)
	grand, cancelGrand := context.WithCancelCause(child)
	defer cancelGrand(nil)
	fmt.Println(root)
	fmt.Println(vctx)
	fmt.Println(grand)
	fmt.Println(grand.Value(key("user")), grand.Value(key("none")), grand.Value("user"))

	cancelChild()
	fmt.Println("root:", root.Err(), "child:", child.Err(), "grand:", grand.Err())
	<-grand.Done()
	fmt.Println(errors.Is(grand.Err(), context.Canceled), context.Cause(grand) == context.Canceled)
	cancelChild()

	other, cancelOther := context.WithCancelCause(root)
	stop := context.AfterFunc(other, func() { fmt.Println("after func ran") })
	cancelOther(errors.New("boom"))
	fmt.Println(other.Err(), context.Cause(other))
	<-other.Done()
	fmt.Println(stop())

	stop2 := context.AfterFunc(root, func() { fmt.Println("never") })
	fmt.Println(stop2(), stop2())
	cancelRoot()
	select {
	case <-root.Done():
		fmt.Println("root done:", root.Err())
	default:
		fmt.Println("root not done")
	}
	late, cancelLate := context.WithCancel(root)
	defer cancelLate()
	fmt.Println("late:", late.Err())
	wc := context.WithoutCancel(late)
	fmt.Println(wc.Err(), wc.Done() == nil, wc)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		context.WithValue(bg, nil, 1)
	}()
}
