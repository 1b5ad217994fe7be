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
import { DEADLOCK, crashed, ok, outcomeSet } from './outcomes.ts';

const { prog } = P;

/** A goroutine sends 1 on a channel of capacity 1, then runs a select with `cases`; another sends 0 on it. */
function sendThenSelect(cases: string): string {
  return prog(['fmt', 'sync'], `
	c := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		c <- 1
		select { ${cases} }
	}()
	go func() { defer wg.Done(); c <- 0 }()
	wg.Wait()
	fmt.Println()
`);
}

/**
 * main starts the same goroutine twice from a loop and waits for both: `setup` lines before the
 * loop, the goroutine's `body` lines after its `defer wg.Done()`; `extra` as prog's.
 */
function twice(imports: string[], setup: string[], body: string[], extra = ''): string {
  const lines = (ls: string[], tabs: string) => ls.map((l) => `${tabs}${l}\n`).join('');
  return prog(imports, `
	var wg sync.WaitGroup
${lines(setup, '\t')}	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
${lines(body, '\t\t\t')}		}()
	}
	wg.Wait()
`, extra);
}

/** Programs, and for some the outcomes (worked out by hand) both searches must find. */
const programs: [string, string, string[]?][] = [
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
`)],
  ['an Add from one racing a Done that would reach zero without it', prog(['fmt', 'sync'], `
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
  // An arrival after a select ordered the arriving goroutine's later send after the first
  // goroutine's send, so the order where the second sends first (and the first blocks for
  // good) was never tried (property.test.ts, equal set, seed 292).
  ['a send, then a select sending on the same full channel, racing a second sender',
    sendThenSelect('case c <- 0: fmt.Print("sent "); default: fmt.Print("full ")'), [crashed('full ', DEADLOCK), crashed('', DEADLOCK)]],
  ['a send, then a select receiving it back, racing a second sender',
    sendThenSelect('case v := <-c: fmt.Print("got", v, " "); default: fmt.Print("none ")'), [ok('got1 \n'), crashed('', DEADLOCK)]],
  ['len(ch) read at a goroutine\'s start, racing a send', prog(['fmt'], `
	ch := make(chan int, 2)
	ch <- 1
	go func() { ch <- 2 }()
	<-ch
	fmt.Println(len(ch))
`), [ok('0\n'), ok('1\n')]],
  // A select's move alone slept, tried before the receiver arrived; the race with the end of
  // the program was taken as covered by it, and the move taking the receiver never came.
  ['a select that could take a receiver that arrived after main yielded', prog(['fmt', 'runtime'], `
	c := make(chan int)
	go func() {
		select {
		case c <- 10:
			fmt.Print("s10 ")
		default:
			fmt.Print("d10 ")
		}
	}()
	go func() { fmt.Print("r", <-c, " ") }()
	runtime.Gosched()
	fmt.Println("end")
`)],
  // Objects are numbered in the order a run first touches them. A print that slept was the first
  // to touch stdout in its run; in the next, an arrival at a channel took that number, stdout
  // another, and the print stayed asleep through a goroutine's print: "p end" was never tried.
  ['a sleeping print, and a print after an arrival at a channel nobody else touches', prog(['fmt', 'runtime'], `
	c := make(chan int)
	go func() {
		runtime.Gosched()
		fmt.Print("p ")
	}()
	go func() { <-c }()
	fmt.Println("end")
`), [ok('end\n'), ok('end\np '), ok('p end\n')]],
  // The send that races the second len(ch) also follows the first (a read it conflicts with),
  // so main cannot start the reversed order; taken for one that could, and asleep, it hid it.
  ['two goroutines reading len(ch) around a send, one after another turn of its own', prog(['fmt', 'sync', 'sync/atomic'], `
	var wg sync.WaitGroup
	var n int32
	c := make(chan int, 1)
	var a, b int
	wg.Add(2)
	go func() {
		defer wg.Done()
		atomic.LoadInt32(&n)
		a = len(c)
	}()
	go func() {
		defer wg.Done()
		b = len(c)
	}()
	c <- 90
	wg.Wait()
	fmt.Println(a, b)
`), [ok('0 0\n'), ok('0 1\n'), ok('1 0\n'), ok('1 1\n')]],
  // A panic right after a visible operation was part of that operation's turn, so the goroutine
  // the operation let go could never move before the crash (both searches missed "got").
  ['a goroutine panicking right after the send main waits for', prog(['fmt'], `
	done := make(chan bool)
	go func() {
		done <- true
		panic("boom")
	}()
	<-done
	fmt.Println("got")
`), [crashed('', 'panic: boom'), ok('got\n'), crashed('got\n', 'panic: boom')]],
  ['a goroutine panicking right after the Done main waits for', prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
		panic("boom")
	}()
	wg.Wait()
	fmt.Println("got")
`), [crashed('', 'panic: boom'), ok('got\n'), crashed('got\n', 'panic: boom')]],
  ['equal and unequal values racing into one buffer', prog(['fmt'], `
	c := make(chan int, 3)
	go func() { c <- 0 }()
	go func() { c <- 0 }()
	go func() { c <- 1 }()
	fmt.Println(<-c, <-c, <-c)
`), [ok('0 0 1\n'), ok('0 1 0\n'), ok('1 0 0\n')]],
  // Goroutines that start alike (twins) begin in the order they were created (Scheduler.findTwin).
  // Not those whose code before the first operation could tell them apart or be seen (compile/quiet.ts):
  ['two goroutines drawing a random number, then printing it', twice(['fmt', 'math/rand', 'sync'], [], ['v := rand.Intn(1000)', 'fmt.Println(v)'])],
  ['two goroutines ranging over one map, then printing the keys in the order seen', twice(['fmt', 'sync'], ['m := map[int]int{1: 1, 2: 2, 3: 3}'], ['s := ""', 'for k := range m {', '\ts += fmt.Sprint(k)', '}', 'fmt.Println(s)'])],
  ['two goroutines incrementing a shared counter without a lock, then printing it', twice(['fmt', 'sync'], ['x := 0'], ['x++', 'v := x', 'fmt.Println(v)'])],
  ['a division by zero before the first print runs a deferred closure that draws a random number', twice(['fmt', 'math/rand', 'sync'], ['zero := 0'], ['defer func() { recover(); fmt.Println(rand.Intn(1000)) }()', 'fmt.Println(1 / zero)'])],
  ['a Lock through sync.Locker that is the program\'s own, drawing a random number', twice(['fmt', 'math/rand', 'sync'], ['var l sync.Locker = R{}'], ['l.Lock()'], 'type R struct{}\n\nfunc (R) Lock()   { fmt.Println(rand.Intn(1000)) }\nfunc (R) Unlock() {}\n\n')],
  ['two goroutines printing whether a shared array is still zero, then writing it', twice(['fmt', 'sync'], ['var a [1]int'], ['fmt.Println(a == [1]int{})', 'a[0] = 1'])],
  ['the first goroutine to claim a flag spins forever, the other prints', prog(['fmt', 'time'], `
	claimed := false
	for range 2 {
		go func() {
			if !claimed {
				claimed = true
				for {
				}
			}
			fmt.Println("second")
		}()
	}
	time.Sleep(time.Second)
	fmt.Println("main")
`)],
  ['twins polling a buffered channel main fills', prog(['fmt', 'sync'], `
	c := make(chan int, 1)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case v := <-c:
				fmt.Print("got", v, " ")
			default:
				fmt.Print("none ")
			}
		}()
	}
	c <- 7
	wg.Wait()
	fmt.Println()
`), [ok('got7 none \n'), ok('none got7 \n'), ok('none none \n')]],
];

/** Both searches finish with the same outcomes (and, given, exactly `expected`), the reduced one in no more runs. */
function sameOutcomes(src: string, expected?: readonly string[]): void {
  const full = explore(src, { reduce: false, budget: 30_000, maxMs: 50_000 });
  const reduced = explore(src, { reduce: true, budget: 30_000, maxMs: 50_000 });
  expect(full.buildErrors).toBeNull();
  // Both searches must have finished, or comparing their sets says nothing.
  expect(full.exhaustive, 'the search without reduction finished').toBe(true);
  expect(reduced.exhaustive, 'the reduced search finished').toBe(true);
  if (expected !== undefined) expect(outcomeSet(full)).toEqual([...expected].sort());
  expect(outcomeSet(reduced)).toEqual(outcomeSet(full));
  expect(reduced.runs).toBeLessThanOrEqual(full.runs);
}

describe('the reduction loses no outcome', () => {
  for (const [name, src, outcomes] of programs) it(name, () => sameOutcomes(src, outcomes));
});

/**
 * Twins too many for the unreduced search to finish: the reduced one must find exactly the
 * outcomes worked out by hand, each order in which the twins' values can come out.
 */
const twinPrograms: [string, string, string[]][] = [
  ['two goroutines started alike and a third with another argument, sending on one channel', prog(['fmt'], `
	c := make(chan int)
	go send(c, 1)
	go send(c, 1)
	go send(c, 2)
	fmt.Println(<-c, <-c, <-c)
`, 'func send(c chan int, v int) { c <- v }\n\n'), [ok('1 1 2\n'), ok('1 2 1\n'), ok('2 1 1\n')]],
  // &a makes a new pointer each time: two to the same struct count as equal, to another struct not.
  ['goroutines given pointers to one struct or to another, sending what they point at', prog(['fmt'], `
	a, b := T{1}, T{2}
	c := make(chan int)
	go put(c, &a)
	go put(c, &b)
	go put(c, &a)
	fmt.Println(<-c, <-c, <-c)
`, 'type T struct{ v int }\n\nfunc put(c chan int, p *T) { c <- p.v }\n\n'), [ok('1 1 2\n'), ok('1 2 1\n'), ok('2 1 1\n')]],
  ['twins receiving what main sends them, each printing it', prog(['fmt', 'sync'], `
	c := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := <-c
			fmt.Print(v, " ")
		}()
	}
	c <- 1
	c <- 2
	wg.Wait()
	fmt.Println()
`), [ok('1 2 \n'), ok('2 1 \n')]],
];

describe('goroutines that start alike: every order of what they do is still found', () => {
  for (const [name, src, outcomes] of twinPrograms) {
    it(name, () => {
      const r = explore(src, { budget: 30_000, maxMs: 50_000 });
      expect(r.exhaustive).toBe(true);
      expect(outcomeSet(r)).toEqual([...outcomes].sort());
    });
  }
});

/**
 * Contexts and Once (lib/context.ts contextFootprint, lib/once.ts): finer footprints than
 * "touches everything". Each program has its outcomes worked out by hand as well, which both
 * searches must find: a footprint that wrongly glues two operations into one turn loses an
 * outcome in both.
 */
const contextPrograms: { name: string; src: string; outcomes: string[] }[] = [
  {
    name: 'a cancel racing a polling select on ctx.Done() and a channel another goroutine sends on',
    src: prog(['context', 'fmt'], `
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		select {
		case <-ctx.Done():
			fmt.Println("cancelled:", ctx.Err())
		case v := <-ch:
			fmt.Println("got", v)
		default:
			fmt.Println("neither")
		}
		done <- true
	}()
	go func() { ch <- 1 }()
	cancel()
	<-done
`),
    outcomes: [ok('cancelled: context canceled\n'), ok('got 1\n'), ok('neither\n')],
  },
  {
    name: 'a parent\'s cancel seen, or not yet, by a polling select on its child\'s Done',
    src: prog(['context', 'fmt'], `
	parent, cancel := context.WithCancel(context.Background())
	child, stop := context.WithCancel(parent)
	defer stop()
	done := make(chan bool)
	go func() {
		select {
		case <-child.Done():
			fmt.Println("child done:", child.Err())
		default:
			fmt.Println("child alive")
		}
		done <- true
	}()
	cancel()
	<-done
	fmt.Println("after:", child.Err())
`),
    outcomes: [ok('child alive\nafter: context canceled\n'), ok('child done: context canceled\nafter: context canceled\n')],
  },
  {
    name: 'a child made while its parent is being cancelled: cancelled at birth or with the parent',
    src: prog(['context', 'fmt'], `
	parent, cancel := context.WithCancel(context.Background())
	done := make(chan bool)
	go func() {
		child, stop := context.WithCancel(parent)
		defer stop()
		fmt.Println("born", child.Err())
		<-child.Done()
		done <- true
	}()
	cancel()
	fmt.Println("cancelled")
	<-done
`),
    outcomes: [
      ok('born <nil>\ncancelled\n'), ok('cancelled\nborn <nil>\n'),
      ok('born context canceled\ncancelled\n'), ok('cancelled\nborn context canceled\n'),
    ],
  },
  {
    name: 'ctx.Err() read by a goroutine and main, each before or after a third goroutine cancels',
    src: prog(['context', 'fmt'], `
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ctx.Err() }()
	go cancel()
	e := ctx.Err()
	fmt.Println(<-done, e)
`),
    outcomes: [
      ok('<nil> <nil>\n'), ok('<nil> context canceled\n'),
      ok('context canceled <nil>\n'), ok('context canceled context canceled\n'),
    ],
  },
  {
    name: 'a cancel right after a send is a turn of its own: the receiver may still see the context alive',
    src: prog(['context', 'fmt'], `
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		ch <- 1
		cancel()
		done <- true
	}()
	<-ch
	fmt.Println(ctx.Err())
	<-done
`),
    outcomes: [ok('<nil>\n'), ok('context canceled\n')],
  },
  {
    name: 'WithTimeout\'s deadline racing a result sent at the same instant',
    src: prog(['context', 'fmt', 'time'], `
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	res := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		res <- "result"
	}()
	select {
	case r := <-res:
		fmt.Println(r, ctx.Err())
	case <-ctx.Done():
		fmt.Println("timeout:", ctx.Err())
	}
`),
    outcomes: [ok('result <nil>\n'), ok('result context deadline exceeded\n'), ok('timeout: context deadline exceeded\n')],
  },
  {
    name: 'an AfterFunc\'s stop racing the cancel that would run it',
    src: prog(['context', 'fmt'], `
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan bool, 1)
	stop := context.AfterFunc(ctx, func() { fmt.Println("after"); ran <- true })
	go cancel()
	if stop() {
		fmt.Println("stopped")
	} else {
		<-ran
		fmt.Println("too late")
	}
`),
    outcomes: [ok('stopped\n'), ok('after\ntoo late\n')],
  },
  {
    name: 'Once.Do from two goroutines, printing inside and after it',
    src: prog(['fmt', 'sync'], `
	var once sync.Once
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			once.Do(func() { fmt.Println("init by", id) })
			fmt.Println("after", id)
		}(i)
	}
	wg.Wait()
`),
    outcomes: [
      ok('init by 1\nafter 1\nafter 2\n'), ok('init by 1\nafter 2\nafter 1\n'),
      ok('init by 2\nafter 1\nafter 2\n'), ok('init by 2\nafter 2\nafter 1\n'),
    ],
  },
  {
    name: 'the function Once.Do runs has turns of its own: a receiver may come between its two sends',
    src: prog(['fmt', 'sync'], `
	var once sync.Once
	ch := make(chan int, 2)
	done := make(chan bool)
	go func() {
		once.Do(func() { ch <- 1; ch <- 2 })
		done <- true
	}()
	v := <-ch
	select {
	case w := <-ch:
		fmt.Println(v, w)
	default:
		fmt.Println(v, "alone")
	}
	<-done
`),
    outcomes: [ok('1 2\n'), ok('1 alone\n')],
  },
  {
    name: 'a Cond signalled before or after its waiter waits: the signal may be lost',
    src: prog(['fmt', 'sync'], `
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	done := make(chan bool)
	go func() {
		mu.Lock()
		c.Wait()
		mu.Unlock()
		fmt.Println("woke")
		done <- true
	}()
	c.Signal()
	<-done
`),
    outcomes: [ok('woke\n'), crashed('', DEADLOCK)],
  },
  {
    name: 'a OnceValue called from a goroutine and main, each printing its value',
    src: prog(['fmt', 'sync'], `
	get := sync.OnceValue(func() int { fmt.Println("computing"); return 7 })
	done := make(chan bool)
	go func() { fmt.Println("g", get()); done <- true }()
	fmt.Println("main", get())
	<-done
`),
    outcomes: [ok('computing\ng 7\nmain 7\n'), ok('computing\nmain 7\ng 7\n')],
  },
];

describe('contexts and Once: the reduction loses no outcome, and both searches find every one', () => {
  for (const { name, src, outcomes } of contextPrograms) it(name, () => sameOutcomes(src, outcomes));
});
