package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slow(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	fmt.Println(slow(ctx, 10*time.Millisecond))
	err := slow(ctx, time.Second)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	dl, ok := ctx.Deadline()
	fmt.Println(ok, !dl.IsZero())
	_, ok = context.Background().Deadline()
	fmt.Println(ok)
}
