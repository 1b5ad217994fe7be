package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

func find(k string) (int, error) {
	if k == "a" {
		return 1, nil
	}
	return 0, &NotFound{k}
}

func main() {
	if v, err := find("a"); err == nil {
		fmt.Println("found", v)
	}
	_, err := find("zz")
	fmt.Println(err)
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key)
	var e error
	fmt.Println(e == nil, e)
	fmt.Printf("%v|%s|%q\n", err, err, err)
}
