// %T, %#v and the %!verb error forms name instances of the library's generic types with their
// type arguments, as Go's runtime does. Expected outputs were recorded from the real Go 1.26
// toolchain on this machine (`go build` in a temporary module, then running the binary).
import { describe, it, expect } from 'vitest';
import { run } from '../../../gosim/index.ts';

const go = (src: string) => run(src, { sourcePath: '/tmp/gt/prog.go' });

describe('fmt names generic library instances', () => {
  it('with type arguments joined by commas, named by full import path inside the brackets', () => {
    const r = go(`package main

import (
	"fmt"
	"iter"
	"maps"
	"math/rand"
	"slices"
	"sync/atomic"
	"time"
)

type T struct{ A int }

func main() {
	m := map[string]int{"a": 1}
	fmt.Printf("%T\\n", maps.Keys(m))
	fmt.Printf("%T\\n", maps.All(m))
	fmt.Printf("%T\\n", slices.Values([]byte{1}))
	var s iter.Seq[string]
	var s2 iter.Seq2[string, int]
	fmt.Printf("%T %T\\n", s, s2)
	var p atomic.Pointer[int]
	fmt.Printf("%T %T\\n", &p, p)
	var pt atomic.Pointer[T]
	fmt.Printf("%T\\n", &pt)
	var pd atomic.Pointer[time.Duration]
	fmt.Printf("%T\\n", &pd)
	var pr atomic.Pointer[rand.Rand]
	fmt.Printf("%T\\n", &pr)
	var pm atomic.Pointer[map[string][]any]
	fmt.Printf("%T\\n", &pm)
	var ss iter.Seq[iter.Seq2[int, error]]
	fmt.Printf("%T\\n", ss)
	fmt.Printf("%#v\\n", s)
	fmt.Printf("%d\\n", s)
	fmt.Printf("%v\\n", []iter.Seq[int]{nil})
	fmt.Printf("%#v\\n", []iter.Seq[int]{nil})
}
`);
    expect(r.stdout).toBe(`iter.Seq[string]
iter.Seq2[string,int]
iter.Seq[uint8]
iter.Seq[string] iter.Seq2[string,int]
*atomic.Pointer[int] atomic.Pointer[int]
*atomic.Pointer[main.T]
*atomic.Pointer[time.Duration]
*atomic.Pointer[math/rand.Rand]
*atomic.Pointer[map[string][]interface {}]
iter.Seq[iter.Seq2[int,error]]
(iter.Seq[string])(nil)
0
[<nil>]
[]iter.Seq[int]{(iter.Seq[int])(nil)}
`);
    expect(r.exitCode).toBe(0);
  });

  it('in error forms and interface conversion panics', () => {
    const r = go(`package main

import (
	"fmt"
	"iter"
	"sync/atomic"
)

func main() {
	var s iter.Seq2[string, int]
	fmt.Printf("%t\\n", s)
	fmt.Printf("%s\\n", []iter.Seq[int]{nil})
	var a any = &atomic.Pointer[int]{}
	fmt.Println(fmt.Sprintf("%T", a) == "*atomic.Pointer[int]")
	_ = a.(iter.Seq[int])
}
`);
    expect(r.stdout).toBe(`%!t(iter.Seq2[string,int]=<nil>)
[%!s(iter.Seq[int]=<nil>)]
true
`);
    expect(r.stderr.split('\n')[0]).toBe('panic: interface conversion: interface {} is *atomic.Pointer[int], not iter.Seq[int]');
    expect(r.exitCode).toBe(2);
  });
});
