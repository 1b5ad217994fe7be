// Regression tests for runtime and compiler fixes. Expected outputs were recorded from the real
// Go 1.26 toolchain on this machine (`go build` in a temporary module, then running the binary),
// with the `+0x..` offsets and goroutine frame arguments gosim leaves out removed.
import { describe, it, expect } from 'vitest';
import { run } from '../../../gosim/index.ts';
import { hugeMutexDeadlock, rearmingTimer } from './limit-programs.ts';

const path = '/tmp/gt/prog.go';
const go = (src: string, opts: Parameters<typeof run>[1] = {}) => run(src, { sourcePath: path, ...opts });

describe('library package variables', () => {
  const src = `package main

import (
	"context"
	"errors"
	"fmt"
	"os"
)

func main() {
	fmt.Println(context.Canceled)
	context.Canceled = errors.New("changed")
	fmt.Println(context.Canceled)
	p := &context.DeadlineExceeded
	*p = errors.New("changed too")
	fmt.Println(context.DeadlineExceeded)
	fmt.Fprintln(os.Stdout, "to stdout")
	*os.Stdout = *os.Stderr
	fmt.Fprintln(os.Stdout, "to stderr")
	os.Stderr = nil
}
`;
  it('can be assigned, and each run starts from its own copy', () => {
    for (let i = 0; i < 2; i++) {
      const r = go(src);
      expect(r.stdout).toBe('context canceled\nchanged\nchanged too\nto stdout\n');
      expect(r.stderr).toBe('to stderr\n');
      expect(r.exitCode).toBe(0);
    }
  });
});

describe('panic values and println print numbers as Go 1.26 does', () => {
  const cases: [string, string][] = [
    ['float32(0.1)', '0.1'],
    ['123456789.0', '1.23456789e+08'],
    ['F(1e6)', 'main.F(1e+06)'],
    ['F32(0.1)', 'main.F32(0.1)'],
    ['F(math.Copysign(0, -1))', 'main.F(-0)'],
    ['1e-5', '1e-05'],
    ['float32(1e21)', '1e+21'],
    ['math.Inf(1)', '+Inf'],
    ['math.NaN()', 'NaN'],
    ['complex(1.5, -2)', '(1.5-2i)'],
    ['complex64(complex(0.1, 1e21))', '(0.1+1e+21i)'],
    ['C(complex(1, -2))', 'main.C(1-2i)'],
    ['C(complex(math.NaN(), math.Inf(1)))', 'main.C(NaN+Infi)'],
    ['U(7)', 'main.U(7)'],
    ['B(true)', 'main.B(true)'],
    ['S("a\\nb")', 'main.S("a\n\tb")'],
  ];
  for (const [v, want] of cases) {
    it(`panic(${v})`, () => {
      const r = go(`package main

import "math"

type F float64
type F32 float32
type C complex128
type U uint16
type S string
type B bool

var _ = math.Pi

func main() {
	panic(${v})
}
`);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(`panic: ${want}\n\ngoroutine 1 [running]:\nmain.main()\n\t${path}:15\n`);
    });
  }

  it('println', () => {
    const r = go(`package main

import "math"

type C complex64

func main() {
	var f32 float32 = 1e6
	var g32 float32 = 0.1
	println(123456789.0, f32, math.Copysign(0, -1), math.NaN(), math.Inf(-1), complex64(complex(0.1, math.Inf(1))), C(complex(1, 2)), 1e-5, g32)
}
`);
    expect(r.stderr).toBe('1.23456789e+08 1e+06 -0 NaN -Inf (0.1+Infi) (1+2i) 1e-05 0.1\n');
  });
});

describe('the wall-clock budget', () => {
  // Programs that only sleep spend almost no steps: the wall clock must stop them, as the
  // playground's timeout does, keeping what they printed.
  const cases: [string, string][] = [
    ['goroutines that all sleep in a loop forever', `package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 0; i < 3; i++ {
		go func() {
			for {
				time.Sleep(time.Millisecond)
			}
		}()
	}
	fmt.Println("start")
	for {
		time.Sleep(time.Millisecond)
	}
}
`],
    ['a loop of huge sleeps', `package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("start")
	for {
		time.Sleep(1 << 62)
		time.Sleep(1)
	}
}
`],
    ['a timer that re-arms itself', rearmingTimer],
  ];
  for (const [name, src] of cases) {
    it(`stops ${name}`, () => {
      const r = go(src, { maxWallMs: 150 });
      expect(r.exitCode).toBe(124);
      expect(r.stdout).toBe('start\n');
      expect(r.stderr).toBe('timeout running program\n');
    });
  }
});

describe('package io', () => {
  it('Discard, WriteString, EOF and ErrUnexpectedEOF behave as in Go', () => {
    const r = go(`package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ n int }

func (u *upper) Write(p []byte) (int, error) {
	u.n += len(p)
	fmt.Print(strings.ToUpper(string(p)))
	return len(p), nil
}

type sw struct{}

func (sw) Write(p []byte) (int, error)       { fmt.Println("Write", string(p)); return len(p), nil }
func (sw) WriteString(s string) (int, error) { fmt.Println("WriteString", s); return len(s), nil }

func read(i int) error {
	if i == 0 {
		return io.EOF
	}
	return fmt.Errorf("wrapped: %w", io.ErrUnexpectedEOF)
}

func main() {
	n, err := fmt.Fprintln(io.Discard, "hello", 42)
	fmt.Println(n, err)
	n, err = io.WriteString(io.Discard, "abc")
	fmt.Println(n, err)
	u := &upper{}
	var w io.Writer = u
	io.WriteString(w, "shout\\n")
	fmt.Fprintf(w, "x=%d\\n", 7)
	fmt.Println(u.n)
	io.WriteString(sw{}, "via")
	io.WriteString(os.Stdout, "to stdout\\n")
	err = read(0)
	fmt.Println(err == io.EOF, err, errors.Is(read(1), io.ErrUnexpectedEOF), read(1))
	fmt.Printf("%T %T %v\\n", io.Discard, io.EOF, io.EOF == io.ErrUnexpectedEOF)
	var r io.Reader
	fmt.Println(r == nil)
	var s io.StringWriter = sw{}
	s.WriteString("direct")
}
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('9 <nil>\n3 <nil>\nSHOUT\nX=7\n10\nWriteString via\nto stdout\ntrue EOF true wrapped: unexpected EOF\nio.discard *errors.errorString false\ntrue\nWriteString direct\n');
    expect(r.exitCode).toBe(0);
  });
});

describe('compile and load errors', () => {
  it('merges the parser\'s branch errors with the type checker\'s, as gc does', () => {
    const r = go(`package main

func main() {
	var x int = "s"
	break
	go 1
}
`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('# command-line-arguments\n./prog.go:4:6: declared and not used: x\n./prog.go:4:14: cannot use "s" (untyped string constant) as int value in variable declaration\n./prog.go:5:2: break is not in a loop, switch, or select\n./prog.go:6:5: expression in go must be function call\n');
  });

  it('prints a bad import as the go command does: no header, no ./', () => {
    const r = go(`package main

import (
	"fmt"
	foo
)

func main() { fmt.Println() }
`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('prog.go:5:5: missing import path\n');
    const r2 = go(`package main

import "nosuchpkg/x"

func main() {}
`);
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toBe('prog.go:3:8: package nosuchpkg/x is not in std (/usr/local/go/src/nosuchpkg/x)\n');
  });

  it('ends more than ten errors with one "too many errors"', () => {
    const r = go(`package main

func main() {
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
	_ = 'ab'
}
`);
    const lines = r.stderr.split('\n');
    expect(r.exitCode).toBe(1);
    expect(lines.length).toBe(13);
    expect(lines[10]).toBe('./prog.go:13:6: more than one character in rune literal');
    expect(lines[11]).toBe('./prog.go:13:6: too many errors');
    const r2 = go(`package main

func main() {
	var x1 int = "s"
	var x2 int = "s"
	var x3 int = "s"
	var x4 int = "s"
	var x5 int = "s"
	var x6 int = "s"
	var x7 int = "s"
	var x8 int = "s"
	var x9 int = "s"
	var x10 int = "s"
	var x11 int = "s"
	var x12 int = "s"
}
`);
    expect(r2.stderr.split('\n').slice(10)).toEqual(['./prog.go:13:16: cannot use "s" (untyped string constant) as int value in variable declaration', './prog.go:13:16: too many errors', '']);
  });
});

describe('a native recovering a panic from Go code', () => {
  // fmt recovers a panicking String/Error method; the frames that panic unwound must not show
  // up in a later traceback (frames recorded from real Go, offsets and arguments left out).
  it('leaves no stale frames for a later panic', () => {
    const r = go(`package main

import (
	"fmt"
	"sync"
)

type T struct{ n int }

func (t T) String() string {
	return t.inner()
}

func (t T) inner() string {
	if t.n > 0 {
		panic("bad String")
	}
	return "ok"
}

func show(t T) string {
	return fmt.Sprint(t)
}

func crash(x []int, i int) int {
	return x[i]
}

func main() {
	fmt.Println(show(T{1}))
	var once sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() { panic("in once") })
	}()
	fmt.Println(show(T{0}))
	fmt.Println(crash([]int{1}, 5))
}
`);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('%!v(PANIC=String method: bad String)\nrecovered: in once\nok\n');
    expect(r.stderr).toBe(`panic: runtime error: index out of range [5] with length 1\n\ngoroutine 1 [running]:\nmain.crash(...)\n\t${path}:26\nmain.main()\n\t${path}:37\n`);
  });

  it('leaves no stale frames for a later deadlock', () => {
    const r = go(`package main

import (
	"errors"
	"fmt"
)

type E struct{}

func (E) Error() string { return deep(3) }

func deep(n int) string {
	if n == 0 {
		var m map[string]int
		m["x"] = 1
	}
	return deep(n - 1)
}

func wait(ch chan int) {
	<-ch
}

func main() {
	var err error = E{}
	fmt.Println(fmt.Sprintf("%v", err), errors.Unwrap(err))
	fmt.Printf("%s|%d\\n", err, []any{E{}})
	wait(make(chan int))
}
`);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('%!v(PANIC=Error method: assignment to entry in nil map) <nil>\n%!s(PANIC=Error method: assignment to entry in nil map)|[{}]\n');
    expect(r.stderr).toBe(`fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.wait(...)\n\t${path}:21\nmain.main()\n\t${path}:28\n`);
  });
});

describe('goroutine memory', () => {
  it('a goroutine spawning in a loop lets the new ones run before thousands pile up', () => {
    const r = go(`package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 20000; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			counter += i % 3
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
`);
    expect(r.stdout).toBe('19999\n');
    expect(r.stats.goroutinesCreated).toBe(20001);
    expect(r.stats.maxLiveGoroutines).toBeLessThanOrEqual(200);
  });

  it('go of a nil func is a fatal error in the creating goroutine', () => {
    const r = go(`package main

import "time"

func main() {
	var f func()
	go f()
	time.Sleep(time.Second)
}
`);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`fatal error: go of nil func value\n\ngoroutine 1 [running]:\nmain.main()\n\t${path}:7\n`);
  });

  it('runtime.Goexit still ends a goroutine, and main too', () => {
    const r = go(`package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer fmt.Println("deferred")
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	<-done
	defer fmt.Println("main deferred")
	runtime.Goexit()
}
`);
    expect(r.stdout).toBe('deferred\nmain deferred\n');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n');
  });
});

describe('crashes with many goroutines', () => {
  it('prints the first tracebacks of a huge deadlock and counts the rest', () => {
    // How long this takes is measured by `npm run bench:limits`.
    const r = go(hugeMutexDeadlock);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.startsWith('fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:\nmain.main()\n')).toBe(true);
    expect(r.stderr.length).toBeLessThan(300 * 1024);
    expect(r.stderr).toMatch(/\n\.\.\.\d+ more goroutines not shown \(gosim prints the first 256 KB of tracebacks\)\n$/);
  });

  it('still decodes UTF-8 output', () => {
    const r = go(`package main

import "fmt"

func main() {
	fmt.Println("héllo, 世界")
	panic("ünïcode")
}
`);
    expect(r.stdout).toBe('héllo, 世界\n');
    expect(r.stderr.split('\n')[0]).toBe('panic: ünïcode');
  });
});
