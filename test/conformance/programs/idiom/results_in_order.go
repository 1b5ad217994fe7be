package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	inputs := []string{"go", "is", "fun"}
	outputs := make([]string, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outputs[i] = strings.ToUpper(in)
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(outputs, " "))
}
