package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errShutdown = errors.New("shutting down")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errShutdown)
	fmt.Println(ctx.Err(), context.Cause(ctx))
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	fmt.Println(context.Cause(ctx2))
	fmt.Println(context.Cause(context.Background()))
	ctx3, cancel3 := context.WithTimeoutCause(context.Background(), 10*time.Millisecond, errors.New("too slow"))
	defer cancel3()
	<-ctx3.Done()
	fmt.Println(ctx3.Err(), context.Cause(ctx3))
	child, cc := context.WithCancel(ctx)
	defer cc()
	fmt.Println(context.Cause(child), errors.Is(context.Cause(child), errShutdown))
}
