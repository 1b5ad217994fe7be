// Recursive functions that only compute (gosim runs them as plain JS calls): results, mutual
// recursion, several results, switch, package variables read, and a recursion deep enough to
// run out of a JS stack (gosim then redoes it through generators).
package main

import "fmt"

var base = 3

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func sum(n int) int {
	if n == 0 {
		return 0
	}
	return n + sum(n-1)
}

func digits(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return digits(n/10) + string(rune('0'+n%10))
}

func kind(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	}
	return "odd"
}

func scaled(xs []int, i int) int {
	if i == len(xs) {
		return 0
	}
	return max(xs[i]*base, 1) + scaled(xs, i+1)
}

func main() {
	fmt.Println(fib(20), isEven(1001), isOdd(7))
	q, r := divmod(47, 5)
	fmt.Println(q, r)
	fmt.Println(sum(40000))
	fmt.Println(digits(9081726354))
	fmt.Println(kind(-3), kind(0), kind(4), kind(9))
	fmt.Println(scaled([]int{1, 0, -2, 5}, 0))
	base = 10
	fmt.Println(scaled([]int{1, 2}, 0))
}
