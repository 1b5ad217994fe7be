package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

type ctxKey string

type logger struct{ io.Writer }

type HandlerFunc func(string) error

func (f HandlerFunc) Handle(s string) error { return f(s) }

type Handler interface{ Handle(string) error }

var ErrBad = errors.New("bad")

type temporary interface{ Temporary() bool }

func run(ctx context.Context, h Handler) error {
	if v, ok := ctx.Value(ctxKey("user")).(string); ok {
		return h.Handle(v)
	}
	return ErrBad
}

func main() {
	l := logger{os.Stdout}
	fmt.Fprintf(l, "hi %s\n", "there")
	l.Write([]byte("x\n"))
	ctx := context.WithValue(context.Background(), ctxKey("user"), "bob")
	err := run(ctx, HandlerFunc(func(s string) error {
		if strings.HasPrefix(s, "b") {
			return fmt.Errorf("handle %q: %w", s, ErrBad)
		}
		return nil
	}))
	if errors.Is(err, ErrBad) || err == ErrBad {
		fmt.Println("bad:", err)
	}
	var te temporary
	if errors.As(err, &te) {
		fmt.Println(te.Temporary())
	}
	deadline, ok := ctx.Deadline()
	fmt.Println(deadline.IsZero(), ok)
	tctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Second))
	defer cancel()
	select {
	case <-tctx.Done():
		fmt.Println(tctx.Err() == context.DeadlineExceeded)
	case <-time.After(10 * time.Millisecond):
	}
	timer := time.AfterFunc(time.Millisecond, func() {})
	if !timer.Stop() {
		fmt.Println("fired")
	}
	var x interface{}
	switch x.(type) {
	case nil:
		fmt.Println("nil")
	case fmt.Stringer, error:
	}
	d, _ := time.ParseDuration("1h2m")
	fmt.Println(d.Hours() > 1, time.Duration(2.5*float64(time.Second)), d/time.Minute)
	now := time.Now()
	fmt.Println(now.Sub(now) == 0, now.Weekday(), now.Month() == time.November, now.Format(time.RFC3339) != "")
}
