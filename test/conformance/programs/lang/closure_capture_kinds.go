// Closures capture variables, not values: whatever changes a variable after the closure was
// made (an assignment outside or inside, ++, a redeclaring :=, a return into a named result,
// a pointer taken or a pointer method called) must show through every holder. Variables nothing
// changes may be captured by value, which must look exactly the same.
package main

import "fmt"

type counter int

func (c *counter) inc() { *c++ }

func named() (n int, err error) {
	defer func() {
		n *= 10
		if err != nil {
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	return 4, fmt.Errorf("base")
}

func main() {
	fixed := "fixed"
	later := 1
	show := func() string { return fmt.Sprint(fixed, " ", later) }
	later = 2
	fmt.Println(show())

	inner := 0
	bump := func() { inner++ }
	bump()
	bump()
	fmt.Println("inner:", inner)

	a, b := 1, 2
	swap := func() { a, b = b, a }
	swap()
	fmt.Println("swapped:", a, b)

	x := 10
	get := func() int { return x }
	x, y := 20, 30
	fmt.Println("redeclared:", get(), y)

	p := 5
	ptr := &p
	read := func() int { return p }
	*ptr = 6
	fmt.Println("through pointer:", read())

	var c counter
	incr := func() { c.inc() }
	incr()
	incr()
	fmt.Println("pointer method:", c)

	n, err := named()
	fmt.Println("named results:", n, err)

	var funcs []func() int
	for _, v := range []int{1, 2, 3} {
		funcs = append(funcs, func() int { return v * 100 })
	}
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	outer := "outer"
	nested := func() func() string {
		return func() string { return outer + "!" }
	}()
	fmt.Println(nested())

	done := make(chan bool)
	result := ""
	go func() {
		result = fixed + " from a goroutine"
		done <- true
	}()
	<-done
	fmt.Println(result)

	var any1 interface{} = 3
	switch v := any1.(type) {
	case int:
		f := func() int { return v + 1 }
		fmt.Println("switch var:", f())
	}
}
