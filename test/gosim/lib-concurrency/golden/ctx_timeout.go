// WithTimeout racing work in a select, and deadlines inherited by children.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func work(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	fmt.Println(work(ctx, 10*time.Millisecond))
	err := work(ctx, time.Second)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded), time.Since(start).Truncate(10*time.Millisecond))
	dl, ok := ctx.Deadline()
	fmt.Println(dl.Sub(start).Truncate(10*time.Millisecond), ok)

	parent, cancelParent := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancelParent()
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()
	d1, _ := parent.Deadline()
	d2, _ := child.Deadline()
	fmt.Println(d1.Equal(d2))
	<-child.Done()
	fmt.Println(child.Err(), time.Since(start).Truncate(10*time.Millisecond))

	c3, cancel3 := context.WithTimeoutCause(context.Background(), 20*time.Millisecond, errors.New("too slow"))
	defer cancel3()
	<-c3.Done()
	fmt.Println(c3.Err(), context.Cause(c3))

	c4, cancel4 := context.WithTimeout(context.Background(), time.Second)
	cancel4()
	fmt.Println(c4.Err())
	var dle interface{ Timeout() bool }
	fmt.Println(errors.As(context.DeadlineExceeded, &dle), dle.Timeout())
}
