// errors.Is/As through %w chains and Join, custom Is methods, and distinct errors.New values.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type codeErr int

func (c codeErr) Error() string        { return fmt.Sprintf("code %d", int(c)) }
func (c codeErr) Is(target error) bool { t, ok := target.(codeErr); return ok && t/100 == c/100 }

func main() {
	base := &QueryError{Query: "select", Err: ErrNotFound}
	wrapped := fmt.Errorf("handler: %w", base)
	twice := fmt.Errorf("request 7: %w", wrapped)
	fmt.Println(twice)
	fmt.Println(errors.Is(twice, ErrNotFound), errors.Is(twice, errors.New("not found")))
	var qe *QueryError
	fmt.Println(errors.As(twice, &qe), qe.Query, qe == base)
	fmt.Println(errors.Unwrap(twice) == wrapped, errors.Unwrap(errors.Unwrap(twice)) == base, errors.Unwrap(ErrNotFound))

	j := errors.Join(ErrNotFound, nil, codeErr(404))
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrNotFound), errors.Is(j, codeErr(400)), errors.Is(j, codeErr(500)))
	var ce codeErr
	fmt.Println(errors.As(j, &ce), ce, errors.Unwrap(j) == nil)
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	multi := fmt.Errorf("both: %w and %w", base, codeErr(503))
	fmt.Println(multi, errors.Is(multi, ErrNotFound), errors.Is(multi, codeErr(501)))
	fmt.Println(errors.New("x") == errors.New("x"), ErrNotFound == ErrNotFound)
	fmt.Println(errors.Is(nil, ErrNotFound), errors.Is(nil, nil))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		errors.As(twice, qe)
	}()
}
