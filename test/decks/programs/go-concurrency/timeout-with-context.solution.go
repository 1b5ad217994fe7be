package main

import (
	"context"
	"fmt"
	"time"
)

func fetch(ctx context.Context) (string, error) {
	select {
	case <-time.After(200 * time.Millisecond):
		return "data", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	v, err := fetch(ctx)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("value:", v)
}
