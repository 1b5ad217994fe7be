// Regression tests for runtime and compiler fixes. Expected outputs were recorded from the real
// Go 1.26 toolchain on this machine (`go build` in a temporary module, then running the binary),
// with the `+0x..` offsets and goroutine frame arguments gosim leaves out removed.
import { describe, it, expect } from 'vitest';
import { run } from '../../../gosim/index.ts';

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
