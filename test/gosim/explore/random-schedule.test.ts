// run() with a random schedule: each seed draws one schedule, the same seed draws the same one,
// its witness replays it exactly, and over a handful of seeds every outcome shows up.
import { describe, expect, it } from 'vitest';
import { explore, run } from '../../../gosim/index.ts';

const racy = `package main

import "fmt"

func main() {
	go fmt.Println("hello from a goroutine")
	fmt.Println("main returns")
}
`;

describe('a run under a random schedule', () => {
  it('draws one schedule per seed, the same for the same seed, named by a witness that replays it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = run(racy, { seed, randomSchedule: true });
      const b = run(racy, { seed, randomSchedule: true });
      expect(b.stdout).toBe(a.stdout);
      expect(b.witness).toBe(a.witness);
      expect(a.witness).toMatch(/^v1:/);
      const again = run(racy, { replay: a.witness! });
      expect(again.replayFitted).toBe(true);
      expect(again.stdout).toBe(a.stdout);
    }
  });

  it('reaches every outcome explore finds, over a few seeds, where the default schedule shows one', () => {
    const all = new Set(explore(racy).outcomes.map((o) => o.stdout));
    expect(all.size).toBe(3);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) seen.add(run(racy, { seed, randomSchedule: true }).stdout);
    expect(seen).toEqual(all);
    const plain = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) plain.add(run(racy, { seed }).stdout);
    expect(plain.size).toBe(1);
  });
});

describe('a long run under a random schedule', () => {
  it('keeps its witness short, and the witness still replays the whole run', () => {
    const pingPong = `package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	n := 0
	for n < 20000 {
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println(n)
}
`;
    const r = run(pingPong, { seed: 3, randomSchedule: true });
    expect(r.stdout).toBe('20000\n');
    expect(r.witness!.length).toBeLessThan(40_000);
    const again = run(pingPong, { replay: r.witness! });
    expect(again.replayFitted).toBe(true);
    expect(again.stdout).toBe(r.stdout);
    expect(again.stats.steps).toBe(r.stats.steps);
  });
});
