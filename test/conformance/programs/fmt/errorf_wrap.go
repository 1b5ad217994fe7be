package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

func main() {
	e1 := fmt.Errorf("layer1: %w", ErrBase)
	e2 := fmt.Errorf("layer2: %w", e1)
	fmt.Println(e2)
	fmt.Println(errors.Is(e2, ErrBase), errors.Unwrap(e2) == e1, errors.Unwrap(ErrBase))
	e3 := fmt.Errorf("no wrap: %v", ErrBase)
	fmt.Println(e3, errors.Is(e3, ErrBase), errors.Unwrap(e3))
	other := errors.New("other")
	e4 := fmt.Errorf("two: %w and %w", ErrBase, other)
	fmt.Println(e4, errors.Is(e4, other), errors.Unwrap(e4))
	fmt.Printf("%T %T\n", e1, e4)
	fmt.Println(fmt.Errorf("%w", nil))
	fmt.Println(fmt.Errorf("num %d: %w", 42, ErrBase))
}
