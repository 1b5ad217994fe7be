// The partial-order reduction must lose no outcome: for small programs (2-3 goroutines, a few
// visible operations each) the outcomes explored with reduction are exactly those of running
// every interleaving (reduce: false), in no more runs. A program whose sets differ stays here
// as a failing test.
//
// Both searches could miss the same outcome; explore.test.ts checks programs against outcome
// sets written by hand (and seen in real Go), and random-reduction.test.ts generates programs.
import { describe, expect, it } from 'vitest';
import { explore } from '../../../gosim/index.ts';
import * as P from './programs.ts';
import { outcomeSet } from './outcomes.ts';

const { prog } = P;

const programs: [string, string][] = [
  // Real Go, 300 runs: "m\ng" 278 times, "m" 22 times ("g\nm" is possible too).
  ['main prints and returns while one goroutine prints and another signals', prog(['fmt'], `
	done := make(chan bool)
	go func() { done <- true }()
	go func() { fmt.Println("g") }()
	fmt.Println("m")
	<-done
`)],
  ['two senders on one buffered channel, main receives both', prog(['fmt'], `
	ch := make(chan string, 2)
	go func() { ch <- "a" }()
	go func() { ch <- "b" }()
	fmt.Println(<-ch, <-ch)
`)],
  ['select between two goroutines sending on different channels, then the other', prog(['fmt'], `
	a := make(chan int)
	b := make(chan int)
	go func() { a <- 1 }()
	go func() { b <- 2 }()
	select {
	case v := <-a:
		fmt.Println("a", v, <-b)
	case v := <-b:
		fmt.Println("b", v, <-a)
	}
`)],
  ['close racing with a select that has a default', prog(['fmt'], `
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		close(ch)
		done <- true
	}()
	select {
	case _, ok := <-ch:
		fmt.Println("closed", ok)
	default:
		fmt.Println("open")
	}
	<-done
`)],
  ['prints under a mutex, joined by a WaitGroup', prog(['fmt', 'sync'], `
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			fmt.Println("in", id)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("end")
`)],
  ['a non-blocking send that deadlocks main when it runs first', P.deadlockSometimes],
  ['a send racing with close', P.sendRacesClose],
  ['a WaitGroup Add inside the goroutine', P.waitGroupAddInside],
  ['an Add inside a goroutine racing two Dones', P.waitGroupAddRacesDones],
  // Found by a review that generated WaitGroup programs: each was searched "exhaustively" with an
  // outcome missing, when only the latest race of a turn was reversed, or only a race no other
  // conflicting turn ordered (that turn could itself be no race to reverse: a Wait still blocked).
  ['a Done then an Add in one goroutine, an Add in another, main waiting', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
		wg.Add(1)
	}()
	go func() {
		wg.Add(1)
	}()
	wg.Wait()
	fmt.Println("end")
`)],
  ['two Dones in one goroutine and one in another, from two: who panics, before or after main prints', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		wg.Done()
	}()
	go func() {
		wg.Done()
		wg.Done()
	}()
	fmt.Println("end")
`)],
  ['Add(-1) and Dones racing a goroutine that waits twice', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		wg.Done()
	}()
	go func() {
		wg.Add(-1)
		wg.Done()
	}()
	go func() {
		wg.Wait()
		wg.Wait()
	}()
	fmt.Println("end")
`)],
  ['a Wait that could go between a Done reaching zero and an Add raising the counter again', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	ch := make(chan int, 0)
	wg.Add(2)
	go func() {
		wg.Done()
		fmt.Println("g0.1")
		ch <- 1
	}()
	go func() {
		wg.Done()
		wg.Add(1)
		wg.Add(2)
	}()
	wg.Wait()
	fmt.Println("end")
`)],
  ['an Add hidden from a Wait behind a channel hand-off and a Once', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	var once sync.Once
	ch := make(chan int)
	wg.Add(1)
	go func() {
		wg.Add(1)
		<-ch
		once.Do(func() {})
		fmt.Println("a")
		wg.Done()
	}()
	go func() {
		wg.Done()
		ch <- 1
	}()
	wg.Wait()
	fmt.Println("W")
`)],
  ['receive-only selects seeing a closed channel, beside a select that could send to one of them', prog(['fmt'], `
	quit := make(chan struct{})
	work := make(chan int)
	go func() {
		select {
		case v := <-work:
			fmt.Println("work", v)
		case <-quit:
		}
	}()
	go func() {
		select {
		case <-work:
		case <-quit:
			fmt.Println("q2")
		}
	}()
	go func() {
		select {
		case work <- 1:
		case <-quit:
		}
	}()
	close(quit)
`)],
  ['receive-only selects on two channels, one closed, one buffered with a value', prog(['fmt'], `
	a := make(chan int, 1)
	b := make(chan int)
	a <- 7
	close(b)
	done := make(chan bool, 2)
	for i := 0; i < 2; i++ {
		go func() {
			select {
			case v := <-a:
				fmt.Println(i, "a", v)
			case v, ok := <-b:
				fmt.Println(i, "b", v, ok)
			}
			done <- true
		}()
	}
	<-done
	<-done
`)],  ['an Add from one racing a Done that would reach zero without it', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Add(1)
		fmt.Println("B")
		wg.Done()
	}()
	go func() { wg.Done() }()
	wg.Wait()
	fmt.Println("waited")
`)],
  ['two goroutines printing once, and main after a channel join', prog(['fmt'], `
	done := make(chan bool)
	go func() { fmt.Println("x"); done <- true }()
	go func() { fmt.Println("y"); done <- true }()
	<-done
	fmt.Println("one done")
	<-done
`)],
  ['two unbuffered senders, main takes one and polls for the other', prog(['fmt'], `
	ch := make(chan int)
	go func() { ch <- 1 }()
	go func() { ch <- 2 }()
	fmt.Println(<-ch)
	select {
	case v := <-ch:
		fmt.Println("also", v)
	default:
		fmt.Println("only one")
	}
`)],
  ['atomic stores racing, read after the join', prog(['fmt', 'sync', 'sync/atomic'], `
	var x atomic.Int32
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); x.Store(1) }()
	go func() { defer wg.Done(); x.Store(2) }()
	wg.Wait()
	fmt.Println(x.Load())
`)],
  ['a select that sends or gives up when told to quit', prog(['fmt'], `
	ch := make(chan int)
	quit := make(chan bool)
	done := make(chan bool)
	go func() {
		select {
		case ch <- 1:
			fmt.Println("sent")
		case <-quit:
			fmt.Println("quit")
		}
		done <- true
	}()
	go func() { close(quit) }()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	case <-done:
		fmt.Println("gave up")
		return
	}
	<-done
`)],
  ['a relay: one goroutine forwards what another sends, with a competing sender', prog(['fmt'], `
	a := make(chan int)
	b := make(chan int, 1)
	go func() { b <- 10 * <-a }()
	go func() { select { case b <- 7: default: fmt.Println("b busy") } }()
	a <- 1
	fmt.Println(<-b)
`)],
  ['a lock-order deadlock', P.lockOrderDeadlock],
  ['a buffered channel of capacity 1 with a blocking and a polling sender', prog(['fmt'], `
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() { ch <- 1; done <- true }()
	go func() {
		select {
		case ch <- 2:
			fmt.Println("2 in")
		default:
			fmt.Println("2 dropped")
		}
	}()
	fmt.Println(<-ch)
	<-done
`)],
];

describe('the reduction loses no outcome', () => {
  for (const [name, src] of programs) {
    it(name, () => {
      const full = explore(src, { reduce: false, budget: 20000, maxMs: 50_000 });
      const reduced = explore(src, { reduce: true, budget: 20000, maxMs: 50_000 });
      expect(full.buildErrors).toBeNull();
      // Both searches must have finished, or comparing their sets says nothing.
      expect(full.exhaustive, 'the search without reduction finished').toBe(true);
      expect(reduced.exhaustive, 'the reduced search finished').toBe(true);
      expect(outcomeSet(reduced)).toEqual(outcomeSet(full));
      expect(reduced.runs).toBeLessThanOrEqual(full.runs);
    });
  }
});
