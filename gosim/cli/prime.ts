// Programs the gosim command runs once, right after it first loads a new bundle, before it saves
// V8's code cache of the bundle (cli/gosim.cjs). The cache holds the bytecode of every function
// compiled so far, so whichever program ran first decided what later runs found ready: after an
// empty program, a run of a channel-heavy one compiled the channel and loop code again each
// time. These programs touch what lessons use most (goroutines, channels, select, sync, context,
// fmt's verbs, maps, slices, closures, defer and recover, a panic, a deadlock), so the cache
// covers the common paths whatever the first program was. Their output is discarded.
import { run } from '../index.ts';

const everyday = `package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type shape interface{ area() float64 }

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

func (r rect) String() string { return "rect " + strconv.Itoa(int(r.w)) + "x" + strconv.Itoa(int(r.h)) }

var errEmpty = errors.New("empty")

func total(xs []int) (sum int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if len(xs) == 0 {
		return 0, fmt.Errorf("total: %w", errEmpty)
	}
	for _, x := range xs {
		sum += x
	}
	if sum < 0 {
		panic("negative")
	}
	return sum, nil
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
	sum := 0
	for r := range results {
		sum += r
	}

	var mu sync.Mutex
	var once sync.Once
	var hits atomic.Int64
	counts := map[string]int{}
	done := make(chan struct{})
	for i := 0; i < 10; i++ {
		go func() {
			once.Do(func() { hits.Add(100) })
			mu.Lock()
			counts[fmt.Sprint("k", i%3)]++
			mu.Unlock()
			hits.Add(1)
			done <- struct{}{}
		}()
	}
	for i := 0; i < 10; i++ {
		<-done
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	ticks := 0
	ticker := time.NewTicker(time.Millisecond)
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
		case <-ctx.Done():
			break loop
		}
	}
	ticker.Stop()
	select {
	case <-time.After(time.Millisecond):
	default:
	}

	shapes := []shape{rect{2, 3}, rect{4, 5}}
	var b strings.Builder
	for i, s := range shapes {
		fmt.Fprintf(&b, "%d:%v=%.1f ", i, s, s.area())
	}
	_, err := total(nil)
	n, _ := total([]int{1, 2, 3})
	_, perr := total([]int{-5})
	fmt.Println(sum, keys, hits.Load(), ticks > 0, ctx.Err(), b.String())
	fmt.Printf("%v %q %x %5.2f %T %+v %t %v\\n", errors.Is(err, errEmpty), "s", 255, 3.14159, n, struct{ A int }{1}, true, perr)
}
`;

const panics = `package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println(len(m))
	xs := []int{1, 2, 3}
	i := 5
	fmt.Println(xs[i])
}
`;

const deadlocks = `package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
		ch <- 2
	}()
	fmt.Println(<-ch)
	wg.Wait()
}
`;

/** The programs above, with the exit status each should end with. */
export const primingPrograms: readonly { source: string; exitCode: number }[] = [
  { source: everyday, exitCode: 0 },
  { source: panics, exitCode: 2 },
  { source: deadlocks, exitCode: 2 },
];

/** Runs the programs above, discarding what they print. */
export function prime(): void {
  for (const p of primingPrograms) run(p.source, { maxWallMs: 2000 });
}
