// End-to-end runs of small Go programs through gosim's run(). Expected outputs were recorded
// from the real Go 1.26 toolchain on this machine (`go build` + running the binary), with the
// `+0x..` offsets removed, which gosim omits as allowed.
import { describe, it, expect } from 'vitest';
import { run } from '../../../gosim/index.ts';

const path = '/tmp/gt/prog.go';
const go = (src: string, seed = 1) => run(src, { sourcePath: path, seed });

describe('gosim run: goroutines and channels', () => {
  it('runs goroutines with a WaitGroup and a Mutex, channels, maps and slices', () => {
    const r = go(`package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func main() {
	var wg sync.WaitGroup
	c := &Counter{}
	ch := make(chan int, 3)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	fmt.Println("count", c.n)
	go func() {
		for i := range 5 {
			ch <- i * i
		}
		close(ch)
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum", sum)
	m := map[string]int{"a": 1, "b": 2}
	fmt.Println(m, len(m))
	s := []int{}
	for i := 0; i < 5; i++ {
		s = append(s, i)
	}
	fmt.Println(s, s[1:3])
}
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('count 10\nsum 30\nmap[a:1 b:2] 2\n[0 1 2 3 4] [1 2]\n');
    expect(r.exitCode).toBe(0);
  });

  it('gives each loop iteration its own variable for closures (Go 1.22)', () => {
    const r = go(`package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
`);
    expect(r.stdout).toBe('0 10 20 \n');
  });

  it('reports a deadlock with every goroutine, as Go does', () => {
    const r = go(`package main

func main() {
	ch := make(chan int)
	go func() {
		ch <- 1
		ch <- 2
	}()
	<-ch
	var m map[string]int
	_ = m
	select {}
}
`);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`fatal error: all goroutines are asleep - deadlock!

goroutine 1 [select (no cases)]:
main.main()
	/tmp/gt/prog.go:12

goroutine 2 [chan send]:
main.main.func1()
	/tmp/gt/prog.go:7
created by main.main in goroutine 1
	/tmp/gt/prog.go:5
`);
  });

  it('ends at once when main returns and lists the leaked goroutines', () => {
    const r = go(`package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { ch <- i }()
	}
	fmt.Println(<-ch)
}
`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('0\n');
    expect(r.leaks).toHaveLength(1);
    expect(r.leaks[0]!.waitReason).toBe('chan send');
    expect(r.leaks[0]!.blockedAt.line).toBe(8);
  });

  it('select takes default when nothing is ready and sleeps in virtual time', () => {
    const r = go(`package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	select {
	case v := <-ch:
		fmt.Println(v)
	default:
		fmt.Println("nothing ready")
	}
	go func() {
		time.Sleep(2 * time.Second)
		ch <- "late"
	}()
	start := time.Now()
	fmt.Println(<-ch, time.Since(start))
}
`);
    expect(r.stdout).toBe('nothing ready\nlate 2s\n');
    expect(r.stats.virtualTimeNs).toBe(2e9);
  });

  it('chooses among ready select cases with the seed, deterministically', () => {
    const src = `package main

import "fmt"

func main() {
	a, b := make(chan int, 10), make(chan int, 10)
	for i := 0; i < 10; i++ {
		a <- 1
		b <- 2
	}
	for i := 0; i < 10; i++ {
		select {
		case v := <-a:
			fmt.Print(v)
		case v := <-b:
			fmt.Print(v)
		}
	}
	fmt.Println()
}
`;
    const outs = new Set([1, 2, 3, 4, 5].map((s) => go(src, s).stdout));
    expect(outs.size).toBeGreaterThan(1);
    expect(go(src, 7).stdout).toBe(go(src, 7).stdout);
  });
});

describe('gosim run: panics and exits', () => {
  it('prints a runtime error panic after running deferred calls, exit 2', () => {
    const r = go(`package main

import "fmt"

func main() {
	a := []int{1, 2, 3}
	i := 5
	defer fmt.Println("deferred")
	fmt.Println(a[i])
}
`);
    expect(r.stdout).toBe('deferred\n');
    expect(r.stderr).toBe('panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/gt/prog.go:9\n');
    expect(r.exitCode).toBe(2);
  });

  it('prints recovered and repanicked values the way Go 1.26 does', () => {
    const r = go(`package main

import "fmt"

type T struct{ x int }

func main() {
	defer func() {
		r := recover()
		fmt.Println("rec", r)
		panic(r)
	}()
	var p *T
	fmt.Println(p.x)
}
`);
    expect(r.stdout).toBe('rec runtime error: invalid memory address or nil pointer dereference\n');
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      'panic: runtime error: invalid memory address or nil pointer dereference [recovered, repanicked]',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]',
      '',
      'goroutine 1 [running]:',
    ]);
  });

  it('chains a panic raised while another one unwinds', () => {
    const r = go(`package main

type N int

func main() {
	defer func() {
		recover()
		panic(N(5))
	}()
	panic(3.5)
}
`);
    expect(r.stderr.split('\n').slice(0, 4)).toEqual(['panic: 3.5 [recovered]', '\tpanic: main.N(5)', '', 'goroutine 1 [running]:']);
  });

  it('recovers and returns named results set by the deferred call', () => {
    const r = go(`package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
}
`);
    expect(r.stdout).toBe('3 <nil>\n0 recovered: runtime error: integer divide by zero\n');
    expect(r.exitCode).toBe(0);
  });

  it('os.Exit ends at once with its status and skips deferred calls', () => {
    const r = go(`package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never")
	fmt.Println("bye")
	os.Exit(3)
}
`);
    expect(r.stdout).toBe('bye\n');
    expect(r.exitCode).toBe(3);
  });

  it('stops an endless loop with the timeout message, keeping stdout', () => {
    const r = run(`package main

import "fmt"

func main() {
	fmt.Println("start")
	for {
	}
}
`, { maxWallMs: 300 });
    expect(r.stdout).toBe('start\n');
    expect(r.stderr).toBe('timeout running program\n');
    expect(r.exitCode).toBe(124);
  });

  it('stops a program that prints too much, keeping what fits', () => {
    const r = run(`package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
`, { maxOutputBytes: 100 });
    expect(r.stdout.length).toBe(100);
    expect(r.stdout.startsWith('line 0\nline 1\n')).toBe(true);
    expect(r.stderr).toContain('output exceeded 100 bytes');
    expect(r.exitCode).toBe(1);
  });

  it('recurses 20,000 calls deep like Go, without running out of JS stack', () => {
    const r = go(`package main

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	fmt.Println(depth(20000))
}
`);
    expect(r.stdout).toBe('20000\n');
    expect(r.exitCode).toBe(0);
  });

  it("reports endless recursion as Go's stack overflow", () => {
    const r = go(`package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	f(0)
}
`);
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('runtime: goroutine stack exceeds 1000000000-byte limit');
    expect(lines[2]).toBe('fatal error: stack overflow');
    // The callee overflows in its prologue: Go shows its declaration line on top.
    const at = lines.indexOf('goroutine 1 [running]:');
    expect(lines.slice(at + 1, at + 3)).toEqual(['main.f(...)', '\t/tmp/gt/prog.go:3']);
  });

  it('prints compile errors like go build, exit 1', () => {
    const r = go(`package main

func main() {
	x := 1
}
`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('# command-line-arguments\n./prog.go:4:2: declared and not used: x\n');
  });
});

describe('gosim run: values', () => {
  it('wraps integers, divides toward zero and shifts like Go', () => {
    const r = go(`package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	var u uint32 = 0
	u--
	x := 9223372036854775807
	x++
	fmt.Println(a, u, x, -7/2, -7%2, 1<<62, uint64(1)<<63)
}
`);
    expect(r.stdout).toBe('-128 4294967295 -9223372036854775808 -3 -1 4611686018427387904 9223372036854775808\n');
  });

  it('dispatches methods through interfaces and type switches', () => {
    const r = go(`package main

import "fmt"

type Shape interface{ Area() float64 }
type Rect struct{ w, h float64 }
type Sq struct{ Rect }

func (r Rect) Area() float64 { return r.w * r.h }

func describe(x any) string {
	switch v := x.(type) {
	case Shape:
		return fmt.Sprint("shape ", v.Area())
	case string:
		return "string " + v
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, Sq{Rect{2, 2}}}
	for _, s := range shapes {
		fmt.Println(s.Area())
	}
	fmt.Println(describe(Rect{1, 1}), describe("x"), describe(3))
	var i any = "str"
	n, ok := i.(int)
	fmt.Println(n, ok)
}
`);
    expect(r.stdout).toBe('6\n4\nshape 1 string x other\n0 false\n');
  });

  it('decodes UTF-8 when ranging over strings', () => {
    const r = go(`package main

import "fmt"

func main() {
	for i, r := range "héllo" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len("héllo"), []byte("hé"))
}
`);
    expect(r.stdout).toBe('0:h 1:é 3:l 4:l 5:o 6 [104 195 169]\n');
  });
});
