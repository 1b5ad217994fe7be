// A Context written from scratch: children of it are canceled by a goroutine watching its Done.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

type manual struct {
	done chan struct{}
	err  error
}

func (m *manual) Deadline() (time.Time, bool) { return time.Time{}, false }
func (m *manual) Done() <-chan struct{}       { return m.done }
func (m *manual) Err() error                  { return m.err }
func (m *manual) Value(key any) any           { return nil }
func (m *manual) stop()                       { m.err = errors.New("stopped by hand"); close(m.done) }

func main() {
	m := &manual{done: make(chan struct{})}
	child, cancel := context.WithCancel(m)
	defer cancel()
	fmt.Println(runtime.NumGoroutine(), child.Err())
	m.stop()
	<-child.Done()
	fmt.Println(child.Err(), context.Cause(child))
	time.Sleep(time.Millisecond)
	fmt.Println(runtime.NumGoroutine())
	late, cancelLate := context.WithCancel(m)
	defer cancelLate()
	fmt.Println(late.Err(), runtime.NumGoroutine())
	fmt.Println(child)
}
