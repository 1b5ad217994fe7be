// The escape analysis (gosim/compile/scope.ts) decides which captured variables need a Box:
// only those something can change after their declaration (Var.mutable). The others are
// captured by value, which is what lets a worker goroutine's channel, captured from main, be
// read in place. Behaviour is covered by conformance/programs/lang/closure_capture_kinds.go;
// this checks the decisions themselves.
import { describe, expect, it } from 'vitest';
import { buildSource } from '../../../gosim/build/build.ts';
import { analyze } from '../../../gosim/compile/scope.ts';
import type { Var } from '../../../gosim/types/types.ts';

/** Each local variable by name: whether it is captured, and whether it can change. */
function decisions(src: string): Record<string, string> {
  const { result, file, lines } = buildSource(src);
  expect(lines).toEqual([]);
  analyze(file, result!.info);
  const out: Record<string, string> = {};
  for (const o of result!.info.defs.values()) {
    if (o && o.tag === 'Var' && o.pkg === 'main') {
      const v = o as Var;
      out[v.name] = `${v.captured ? 'captured' : 'local'} ${v.mutable ? 'mutable' : 'fixed'}`;
    }
  }
  return out;
}

describe('captured variables', () => {
  it('boxes only what can change after its declaration', () => {
    const d = decisions(`package main

func res() (r int) {
	defer func() { r++ }()
	return 1
}

func main() {
	in := make(chan int)
	total := 0
	later := 0
	addr := 0
	re := 0
	_ = &addr
	go func() {
		for v := range in {
			total += v
		}
		_ = later + addr + re
	}()
	later = 1
	re, extra := 2, 3
	for i := 0; i < 3; i++ {
		go func() { _ = i }()
	}
	for _, e := range []int{1} {
		go func() { _ = e }()
	}
	_ = extra
	_ = res()
}
`);
    expect(d['in']).toBe('captured fixed');
    expect(d['total']).toBe('captured mutable');
    expect(d['later']).toBe('captured mutable');
    expect(d['addr']).toBe('captured mutable');
    expect(d['re']).toBe('captured mutable');
    expect(d['extra']).toBe('local fixed');
    expect(d['i']).toBe('captured mutable');
    expect(d['e']).toBe('captured fixed');
    expect(d['r']).toBe('captured mutable');
    expect(d['v']).toBe('local fixed');
  });
});
