// A String method that panics is recovered by fmt (%!v(PANIC=...)); its frames must not linger
// on the goroutine's stack and show up in a later crash's traceback.
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';

const src = `package main

import "fmt"

type B struct{}

func (B) String() string { panic("inner") }

func work() {
	fmt.Println(B{})
	var m map[string]int
	m["x"] = 1
}

func main() {
	work()
}
`;

describe('fmt recovering a String panic', () => {
  it('prints the PANIC form and leaves no stale frame for the next traceback', () => {
    const r = run(src);
    expect(r.stdout).toBe('%!v(PANIC=String method: inner)\n');
    expect(r.stderr.startsWith('panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.work()\n')).toBe(true);
    expect(r.stderr).not.toContain('String');
    expect(r.exitCode).toBe(2);
  });
});
