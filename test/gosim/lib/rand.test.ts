// math/rand's top-level functions draw from the run's seed: the same seed replays the same
// numbers, another seed gives others (real Go seeds them randomly, so no golden applies).
import { describe, expect, it } from 'vitest';
import { run } from '../../../gosim/index.ts';

const src = `package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Intn(1000), rand.Intn(1000), rand.Float64(), rand.Perm(6))
	r := rand.New(rand.NewSource(7))
	fmt.Println(r.Intn(1000), r.Intn(1000))
}
`;

describe('math/rand determinism', () => {
  it('replays a seed and varies across seeds', () => {
    const a = run(src, { seed: 1 });
    const b = run(src, { seed: 1 });
    const c = run(src, { seed: 2 });
    expect(a.exitCode).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n')[0]).not.toBe(c.stdout.split('\n')[0]);
    // A seeded source is independent of the run's seed.
    expect(a.stdout.split('\n')[1]).toBe(c.stdout.split('\n')[1]);
  });
});
