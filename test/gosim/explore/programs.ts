// Small Go programs for the explore tests, each with the outcomes it can have under Go's
// scheduler. The expected sets are worked out by hand from the Go memory model and the
// runtime's rules; where noted, running the real binary many times (go 1.26, linux/amd64)
// showed a subset of them and nothing else.

/** Wraps a main body with the package clause and imports. */
export function prog(imports: string[], body: string, extra = ''): string {
  const imp = imports.length === 0 ? '' : `import (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\n`;
  return `package main\n\n${imp}${extra}func main() {\n${body}}\n`;
}

// A select with two cases ready at once: Go picks one uniformly at random.
// Real Go, 200 runs: "a 1" 102 times, "b 2" 98 times.
export const selectTwoReady = prog(['fmt'], `
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	b <- 2
	select {
	case v := <-a:
		fmt.Println("a", v)
	case v := <-b:
		fmt.Println("b", v)
	}
`);

// Real Go, 200 runs each: 3 of the 6 orders of unsyncPrinters(2, 2) and 6 of the 90 of
// unsyncPrinters(3, 2), nothing else. The deterministic programs below (counters, ping-pong,
// time.After, context) printed their one output in all 200 runs.
/** n goroutines, each printing `g<i> step<j>` for j < k, with no ordering between goroutines. */
export function unsyncPrinters(n: number, k: number): string {
	return prog(['fmt'], `
	done := make(chan bool)
	for i := 0; i < ${n}; i++ {
		go func(id int) {
			for j := 0; j < ${k}; j++ {
				fmt.Printf("g%d step%d\\n", id, j)
			}
			done <- true
		}(i)
	}
	for i := 0; i < ${n}; i++ {
		<-done
	}
`);
}

// The helper goroutine tries to send without blocking. If main is already waiting it hands the
// value over; if it runs first, nobody is receiving, it takes default and main waits forever.
// Real Go, 200 runs: "1" 199 times, the deadlock once.
export const deadlockSometimes = prog(['fmt'], `
	ch := make(chan int)
	go func() {
		select {
		case ch <- 1:
		default:
		}
	}()
	fmt.Println(<-ch)
`);

// Two goroutines take two mutexes in opposite orders: the textbook lock-order deadlock, which
// happens only when each gets its first lock before the other's second. (Real Go, 200 runs:
// "done" every time; the window is a few instructions wide.)
export const lockOrderDeadlock = prog(['fmt', 'sync'], `
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println("done")
`);

// A send racing with close: if the close comes first, the send panics.
// Real Go, 200 runs: the panic every time (the close usually wins).
export const sendRacesClose = prog(['fmt'], `
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		ch <- 1
		done <- true
	}()
	close(ch)
	<-done
	v, ok := <-ch
	fmt.Println(v, ok)
`);

export const mutexCounter = prog(['fmt', 'sync'], `
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 2; j++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("n =", n)
`);

export const atomicCounter = prog(['fmt', 'sync', 'sync/atomic'], `
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(1)
			n.Add(10)
		}()
	}
	wg.Wait()
	fmt.Println("n =", n.Load())
`);

export const pingPong = prog(['fmt'], `
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			fmt.Println("pong", v)
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 3; i++ {
		fmt.Println("ping", v)
		ping <- v
		v = <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("end", v, ok)
`);

/** A sender sleeping `sendMs` against a time.After of `timeoutMs`: virtual time decides, always the same way. */
export function afterVsSleeper(sendMs: number, timeoutMs: number): string {
	return prog(['fmt', 'time'], `
	ch := make(chan string)
	go func() {
		time.Sleep(${sendMs} * time.Millisecond)
		ch <- "value"
	}()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	case <-time.After(${timeoutMs} * time.Millisecond):
		fmt.Println("timeout")
	}
`);
}

/** Workers wait for a context's cancellation; main cancels it and waits for them. */
export function contextCancel(workers: number): string {
	return prog(['context', 'fmt'], `
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	for i := 0; i < ${workers}; i++ {
		go func() {
			<-ctx.Done()
			fmt.Println("worker stopped:", ctx.Err())
			stopped <- struct{}{}
		}()
	}
	fmt.Println("cancelling")
	cancel()
	for i := 0; i < ${workers}; i++ {
		<-stopped
	}
	fmt.Println("main done")
`);
}

// The classic misuse: Add inside the goroutine, so Wait may run before the Add and return at
// once. (One goroutine only: with two, real Go can also panic with "sync: WaitGroup is reused
// before previous Wait has returned" when the second Add comes between the first Done and
// Wait's wake-up, which gosim does not model.) Real Go, 200 runs: "n = 0" every time.
export const waitGroupAddInside = prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	go func() {
		wg.Add(1)
		defer wg.Done()
		mu.Lock()
		n++
		mu.Unlock()
	}()
	wg.Wait()
	mu.Lock()
	fmt.Println("n =", n)
	mu.Unlock()
`);

// main returns while a goroutine may or may not have printed: three outcomes.
// Real Go, 200 runs: "main" 198 times, "hi\nmain" once, "main\nhi" once.
export const printRacesExit = prog(['fmt'], `
	go fmt.Println("hi")
	fmt.Println("main")
`);

// main polls a buffered channel once with select/default while a goroutine fills it.
// Real Go, 200 runs: "empty" 194 times, "got 1" 6 times.
export const pollRacesSend = prog(['fmt'], `
	ch := make(chan int, 1)
	go func() { ch <- 1 }()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
`);

// Two consumers wait on a sync.Cond for a counter; main raises it twice, signalling after each
// unlock. Every Signal finds a waiter or a consumer that has not yet checked the counter, so
// Go always prints "done" (300 runs of the real binary: "done" every time).
export const condSignal = prog(['fmt', 'sync'], `
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for n == 0 {
				c.Wait()
			}
			n--
			mu.Unlock()
		}()
	}
	for i := 0; i < 2; i++ {
		mu.Lock()
		n++
		mu.Unlock()
		c.Signal()
	}
	wg.Wait()
	fmt.Println("done")
`);

// No goroutine at all: explore's one outcome must be what a plain run prints.
export const contextErrCompare = prog(['context', 'fmt'], `
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(ctx.Err() == context.Canceled)
`);

// An Add inside a goroutine that happens to run first, racing two Dones of main's Add(2): when
// both Dones come before the Add, the counter reaches zero, Wait returns and main may end before
// the goroutine prints (or after it, its Add raising the counter again). Three outcomes: "C W",
// "W", and "W" then "C". (The explorer once treated that Add and those Dones as commuting and
// found "C W" alone.)
export const waitGroupAddRacesDones = prog(['fmt', 'sync'], `
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		wg.Add(1)
		fmt.Print("C ")
		wg.Done()
	}()
	go func() { wg.Done() }()
	go func() { wg.Done() }()
	wg.Wait()
	fmt.Println("W")
`);
