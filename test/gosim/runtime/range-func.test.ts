// Range over function iterators (Go 1.23): library iterators and user-written ones. Expected
// outputs were recorded from the real Go 1.26 toolchain on this machine (`go build` in a temporary
// module, then running the binary), with the `+0x..` offsets and frame arguments gosim leaves out
// removed.
import { describe, it, expect } from 'vitest';
import { run } from '../../../gosim/index.ts';

const path = '/tmp/gt/prog.go';
const go = (src: string) => run(src, { sourcePath: path });

describe('range over function iterators', () => {
  it("keys, All, user iterators, break/continue, return and defer in the body, outer labels, per-iteration variables, and an iterator that ignores false", () => {
    const r = go(`package main

import (
	"fmt"
	"maps"
	"slices"
)

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
		fmt.Println("exhausted")
	}
}

func pairs(yield func(string, int) bool) {
	defer fmt.Println("pairs done")
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func first(n int) int {
	defer fmt.Println("first deferred")
	for v := range count(n) {
		defer fmt.Println("body defer", v)
		if v == 2 {
			return v * 10
		}
	}
	return -1
}

func main() {
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := []string{}
	for k := range maps.Keys(m) {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Println(keys)
	for i, v := range slices.All([]string{"p", "q"}) {
		fmt.Println(i, v)
	}
	for v := range count(5) {
		if v == 1 {
			continue
		}
		if v == 3 {
			break
		}
		fmt.Println("v", v)
	}
	for k, v := range pairs {
		fmt.Println(k, v)
	}
	n := 0
	for range count(3) {
		n++
	}
	fmt.Println("n", n)
	fmt.Println(first(5))
	var fs []func() int
	for v := range count(3) {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
outer:
	for i := range 3 {
		for v := range count(4) {
			if v == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, v)
		}
	}
	var k string
	var x int
	for k, x = range pairs {
	}
	fmt.Println(k, x)
	bad := func(yield func(int) bool) {
		yield(1)
		yield(2)
	}
	for v := range bad {
		fmt.Println("bad", v)
		break
	}
}
`);
    expect(r.stdout).toBe(`[x y z]
0 p
1 q
v 0
v 2
stopped at 3
a 1
b 2
c 3
pairs done
exhausted
n 3
stopped at 2
body defer 2
body defer 1
body defer 0
first deferred
20
exhausted
0 1 2 
0 0
stopped at 1
1 0
stopped at 1
stopped at 0
pairs done
c 3
bad 1
`);
    expect(r.stderr).toBe(`panic: runtime error: range function continued iteration after function for loop body returned false

goroutine 1 [running]:
main.main-range9(...)
	/tmp/gt/prog.go:95
main.main.func2(...)
	/tmp/gt/prog.go:93
main.main()
	/tmp/gt/prog.go:95
`);
    expect(r.exitCode).toBe(2);
  });

  it("iter.Seq, slices.Backward, a blocking body, a recovered panic in the body, and yield called after the loop", () => {
    const r = go(`package main

import (
	"fmt"
	"iter"
	"slices"
)

func gen(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func find(s []int, x int) (idx int, ok bool) {
	for i, v := range slices.Backward(s) {
		if v == x {
			return i, true
		}
	}
	return -1, false
}

func safe() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for v := range gen(3) {
		if v == 1 {
			panic("boom")
		}
	}
	return nil
}

var saved func(int) bool

func main() {
	ch := make(chan int)
	go func() {
		for v := range gen(3) {
			ch <- v * v
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println("got", v)
	}
	fmt.Println(find([]int{4, 5, 6, 5}, 5))
	fmt.Println(find([]int{4}, 7))
	fmt.Println(safe())
	sum := 0
	for v := range gen(100) {
		sum += v
	}
	fmt.Println(sum)
	for v := range func(yield func(int) bool) { saved = yield; yield(7) } {
		fmt.Println("v", v)
	}
	saved(8)
}
`);
    expect(r.stdout).toBe(`got 0
got 1
got 4
3 true
-1 false
recovered: boom
4950
v 7
`);
    expect(r.stderr).toBe(`panic: runtime error: range function continued iteration after whole loop exit

goroutine 1 [running]:
main.main-range2(...)
	/tmp/gt/prog.go:63
main.main()
	/tmp/gt/prog.go:66
`);
    expect(r.exitCode).toBe(2);
  });


  it("an iterator that swallows a panic of the body", () => {
    const r = go(`package main

import "fmt"

func swallow(yield func(int) bool) {
	defer func() { fmt.Println("iterator recovered:", recover()) }()
	yield(1)
}

func main() {
	defer func() { fmt.Println("main recovered:", recover()) }()
	for v := range swallow {
		panic(fmt.Sprint("body ", v))
	}
	fmt.Println("not reached")
}
`);
    expect(r.stdout).toBe(`iterator recovered: body 1
main recovered: runtime error: range function recovered a loop body panic and did not resume panicking
`);
    expect(r.stderr).toBe(``);
    expect(r.exitCode).toBe(0);
  });

  it("an iterator that calls yield again after the body panicked", () => {
    const r = go(`package main

import "fmt"

func again(yield func(int) bool) {
	func() {
		defer func() { fmt.Println("iterator recovered:", recover()) }()
		yield(1)
	}()
	yield(2)
}

func main() {
	for v := range again {
		panic(fmt.Sprint("body ", v))
	}
}
`);
    expect(r.stdout).toBe(`iterator recovered: body 1
`);
    expect(r.stderr).toBe(`panic: runtime error: range function continued iteration after loop body panic

goroutine 1 [running]:
main.main-range1(...)
	/tmp/gt/prog.go:14
main.again(...)
	/tmp/gt/prog.go:10
main.main()
	/tmp/gt/prog.go:14
`);
    expect(r.exitCode).toBe(2);
  });
});
