// A program the gosim command runs once, right after it first loads a new bundle, before it
// saves V8's code cache of the bundle (cli/gosim.cjs). The cache holds the bytecode of every
// function compiled so far, so whichever program ran first decided what later runs found ready:
// after an empty program, a run of a channel-heavy one compiled the channel and loop code again
// each time. This program touches the core that nearly every lesson uses (goroutines, buffered
// and unbuffered channels, range, select, WaitGroup, Mutex, maps, slices, closures, fmt's
// common verbs). Only that: V8 reads the whole cache at every start, and a cache primed with
// everything (context, timers, sorting, tracebacks) cost a channel-heavy run more time to read
// than it saved. Its output is discarded.
import { run } from '../index.ts';

const everyday = `package main

import (
	"fmt"
	"sync"
)

type point struct{ x, y int }

func sum(xs []int) (total int) {
	for _, x := range xs {
		total += x
	}
	return total
}

func main() {
	jobs := make(chan int, 8)
	results := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				results <- j * id
			}
		}(w)
	}
	go func() {
		for i := 0; i < 50; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	got := []int{}
	for r := range results {
		got = append(got, r)
	}

	var mu sync.Mutex
	counts := map[string]int{}
	done := make(chan bool)
	quit := make(chan struct{})
	for i := 0; i < 4; i++ {
		go func() {
			mu.Lock()
			counts[fmt.Sprint("k", i%2)]++
			mu.Unlock()
			done <- true
		}()
	}
	n := 0
	for n < 4 {
		select {
		case <-done:
			n++
		case <-quit:
			return
		}
	}
	v, ok := <-results
	fmt.Println(len(got), sum(got) > 0, counts, v, ok)
	fmt.Printf("%d %v %s %+v\\n", n, got[:0], "done", point{1, 2})
}
`;

/** The program above; exported for its test. */
export const primingProgram = everyday;

/** Runs the program above, discarding what it prints. */
export function prime(): void {
  run(everyday, { maxWallMs: 2000 });
}
