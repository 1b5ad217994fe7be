// A runtime panic deep inside recursive functions that only compute: the traceback shows every
// frame, as for any other call.
package main

import "fmt"

func countdown(n, d int) int {
	if n == 0 {
		return 100 / d
	}
	return countdown(n-1, d) + 1
}

func main() {
	fmt.Println(countdown(3, 5))
	fmt.Println(countdown(4, 0))
}
