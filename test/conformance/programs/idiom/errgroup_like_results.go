package main

import (
	"errors"
	"fmt"
	"sync"
)

func fetch(id int) (string, error) {
	if id == 3 {
		return "", errors.New("id 3 unavailable")
	}
	return fmt.Sprintf("item-%d", id), nil
}

func main() {
	ids := []int{1, 2, 3, 4}
	type res struct {
		v   string
		err error
	}
	out := make([]res, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			v, err := fetch(id)
			out[i] = res{v, err}
		})
	}
	wg.Wait()
	var errs []error
	for _, r := range out {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		fmt.Println(r.v)
	}
	fmt.Println(errors.Join(errs...))
}
