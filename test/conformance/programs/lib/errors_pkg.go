package main

import (
	"errors"
	"fmt"
)

var errNotFound = errors.New("not found")

type TempErr struct{ Op string }

func (e TempErr) Error() string { return e.Op + ": temporary" }

func main() {
	a := errors.New("a")
	b := errors.New("b")
	j := errors.Join(a, b)
	fmt.Println(j)
	fmt.Println(errors.Is(j, b), errors.Is(j, errNotFound), errors.Unwrap(j))
	fmt.Println(errors.Join(nil, nil) == nil)
	wrapped := fmt.Errorf("ctx: %w", TempErr{"read"})
	var te TempErr
	fmt.Println(errors.As(wrapped, &te), te.Op)
	fmt.Println(errors.New("x") == errors.New("x"))
	jj := errors.Join(fmt.Errorf("w: %w", a), TempErr{"x"})
	var te2 TempErr
	fmt.Println(errors.As(jj, &te2), errors.Is(jj, a))
	fmt.Printf("%q\n", jj.Error())
}
