package main

import (
	"context"
	"fmt"
)

type ctxKey string

func handle(ctx context.Context) {
	user, ok := ctx.Value(ctxKey("user")).(string)
	fmt.Println(user, ok)
	fmt.Println(ctx.Value(ctxKey("missing")))
	fmt.Println(ctx.Value("user"))
}

func main() {
	ctx := context.WithValue(context.Background(), ctxKey("user"), "ada")
	ctx = context.WithValue(ctx, ctxKey("id"), 7)
	handle(ctx)
	fmt.Println(ctx.Value(ctxKey("id")))
	shadow := context.WithValue(ctx, ctxKey("user"), "bob")
	fmt.Println(shadow.Value(ctxKey("user")), ctx.Value(ctxKey("user")))
}
