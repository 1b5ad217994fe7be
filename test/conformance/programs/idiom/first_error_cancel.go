package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelFunc
}

func withContext(ctx context.Context) (*group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &group{cancel: cancel}, ctx
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				g.cancel()
			})
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

func task(ctx context.Context, id int, d time.Duration, fail bool) error {
	select {
	case <-time.After(d):
		if fail {
			return fmt.Errorf("task %d failed", id)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	g, ctx := withContext(context.Background())
	g.Go(func() error { return task(ctx, 1, 10*time.Millisecond, false) })
	g.Go(func() error { return task(ctx, 2, 20*time.Millisecond, true) })
	g.Go(func() error { return task(ctx, 3, time.Second, false) })
	err := g.Wait()
	fmt.Println("first error:", err)
	fmt.Println("ctx cancelled:", errors.Is(ctx.Err(), context.Canceled))
}
