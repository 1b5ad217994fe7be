// Plain functions (gosim/compile/plain.ts): which functions may run as direct JS calls, and that
// running them so changes nothing a program can observe: deep recursion past the JS stack,
// budgets, preemption of other goroutines, tracebacks.
import { describe, expect, it } from 'vitest';
import { buildSource } from '../../../gosim/build/build.ts';
import { analyze } from '../../../gosim/compile/scope.ts';
import { plainFunctions } from '../../../gosim/compile/plain.ts';
import { run } from '../../../gosim/index.ts';

function plainNames(src: string): string[] {
  const { result, file, lines } = buildSource(src);
  expect(lines).toEqual([]);
  const esc = analyze(file, result!.info);
  return [...plainFunctions(file, result!.info, esc.globals)].map((f) => f.name).sort();
}

const head = 'package main\n\nimport "fmt"\n\nvar g = 1\n\n';

describe('which functions are plain', () => {
  it('takes functions that only compute on their own variables and call each other', () => {
    expect(plainNames(head + `
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}
func even(n int) bool { if n == 0 { return true }; return odd(n - 1) }
func odd(n int) bool { if n == 0 { return false }; return even(n - 1) }
func reads(xs []int, p *int) (int, string) {
	x := xs[0] + *p + g + len(xs) + max(1, 2)
	switch {
	case x > 3:
		x--
	}
	return x, string(rune(x))
}
func main() { fmt.Println(fib(3), even(2), odd(3)); fmt.Println(reads([]int{1}, new(int))) }
`)).toEqual(['even', 'fib', 'odd', 'reads']);
  });

  it('leaves out loops, side effects, closures, library calls, and their callers', () => {
    expect(plainNames(head + `
func loops(n int) int { s := 0; for i := 0; i < n; i++ { s += i }; return s }
func setsGlobal(n int) int { g = n; return n }
func setsElement(xs []int) int { xs[0] = 1; return 0 }
func prints(n int) int { fmt.Println(n); return n }
func closure(n int) int { f := func() int { return n }; return f() }
func address(n int) *int { return &n }
func literal(n int) []int { return []int{n} }
func defers(n int) int { defer prints(0); return n }
func sends(c chan int) int { c <- 1; return 0 }
func callsLoops(n int) int { return loops(n) + 1 }
func callsCallsLoops(n int) int { return callsLoops(n) }
func main() {
	c := make(chan int, 1)
	fmt.Println(loops(1), setsGlobal(1), setsElement([]int{0}), prints(1), closure(1), address(1), literal(1), defers(1), sends(c), callsCallsLoops(1))
}
`)).toEqual([]);
  });
});

describe('plain calls at run time', () => {
  const fib = 'func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\n';

  it('redo a recursion deeper than the JS stack through generators, with the same result', () => {
    const src = head + `func sum(n int) int {
	if n == 0 {
		return g - 1
	}
	return n + sum(n-1)
}
func main() { fmt.Println(sum(45000), sum(10)) }
`;
    // A quarter of the default 50 000 frames already outruns the JS stack as plain calls.
    const r = run(src);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1012522500 55\n');
    // Where the JS stack runs out depends on how much of it the caller already used; the
    // steps counted (and so every preemption) must not.
    const deep = (d: number): ReturnType<typeof run> => (d === 0 ? run(src) : deep(d - 1));
    const shallower = deep(2000);
    expect(shallower.stdout).toBe(r.stdout);
    expect(shallower.stats.steps).toBe(r.stats.steps);
    // Past the frame budget it is Go's stack overflow, as it was before plain calls.
    const over = run(src, { maxStackDepth: 20_000 });
    expect(over.exitCode).toBe(2);
    expect(over.stderr).toContain('fatal error: stack overflow');
  });

  it('stop at the wall-time budget though they never yield', () => {
    // fib(90) would take years: only the wall-time budget can end this run (how soon it does
    // is measured by `npm run bench:limits`, not here).
    const r = run(head + fib + 'func main() { fmt.Println(fib(90), g) }\n', { maxWallMs: 300 });
    expect(r.exitCode).toBe(124);
    expect(r.stderr).toBe('timeout running program\n');
    expect(r.stdout).toBe('');
  });

  it('let other goroutines run once the plain call returns', () => {
    // main computes for several quanta while a goroutine waits to run. Generator calls would
    // preempt main inside the first fib; the plain call preempts it as soon as fib returns, so
    // the goroutine still prints before main does.
    const r = run(head + fib + `func main() {
	done := make(chan bool)
	go func() { fmt.Println("goroutine ran"); done <- true }()
	fmt.Println(fib(22) + g - 1)
	fmt.Println(fib(22))
	<-done
}
`);
    expect(r.stdout).toBe('goroutine ran\n17711\n17711\n');
  });

  it('count the same steps as generator calls', () => {
    const plain = run(head + fib + 'func main() { fmt.Println(fib(12) + g) }\n');
    // A function value is always called through its generator.
    const viaValue = run(head + fib + 'func main() { f := fib; fmt.Println(f(12) + g) }\n');
    expect(plain.stdout).toBe('145\n');
    expect(viaValue.stdout).toBe('145\n');
    expect(plain.stats.steps).toBe(viaValue.stats.steps);
  });
});
