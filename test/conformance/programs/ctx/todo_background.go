package main

import (
	"context"
	"fmt"
)

func main() {
	fmt.Println(context.Background())
	fmt.Println(context.TODO())
	fmt.Println(context.Background().Done() == nil, context.TODO().Err())
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println(ctx)
	cancel()
	select {
	case <-ctx.Done():
		fmt.Println("done closed")
	default:
		fmt.Println("not closed")
	}
}
