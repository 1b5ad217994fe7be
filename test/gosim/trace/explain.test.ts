// Deadlock and leak explanations (gosim/explain.ts), built from the trace of a run.
import { describe, it, expect } from 'vitest';
import { traced } from './helpers.ts';

function explained(src: string, maxEvents?: number) {
  const r = traced(src, { maxEvents });
  return { ...r, texts: r.explanations.map((e) => e.text) };
}

describe('explanations', () => {
  it('an unbuffered send nobody receives: a leak', () => {
    const r = explained(`package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int)
	for i := 0; i < 2; i++ {
		go func() {
			results <- i * 10
		}()
	}
	fmt.Println(<-results)
	time.Sleep(time.Millisecond)
}
`);
    expect(r.result.exitCode).toBe(0);
    expect(r.ending).toBe('exit');
    expect(r.explanations).toEqual([{
      goroutine: 3,
      waitReason: 'chan send',
      line: 12,
      text: 'Goroutine 3 (started at prog.go:11) is blocked at prog.go:12: it waits to send on the unbuffered channel made at prog.go:9. '
        + 'Only the main goroutine received from it, and main has returned. '
        + 'main returned while it was still waiting, so it never finished: it leaked.',
    }]);
  });

  it('a range loop over a channel nobody closes: a deadlock', () => {
    const r = explained(`package main

import "fmt"

func main() {
	jobs := make(chan int, 3)
	go func() {
		for i := 0; i < 3; i++ {
			jobs <- i
		}
	}()
	for j := range jobs {
		fmt.Println(j)
	}
}
`);
    expect(r.ending).toBe('deadlock');
    expect(r.explanations).toHaveLength(1);
    expect(r.explanations[0]).toMatchObject({ goroutine: 1, waitReason: 'chan receive', line: 12 });
    expect(r.texts[0]).toBe('Goroutine 1 (main) is blocked at prog.go:12: it waits to receive from the buffered channel (capacity 3) made at prog.go:6. '
      + 'The only goroutine that sent on it, goroutine 2, has exited. '
      + 'Nobody closed it either: a close is the only other way this receive, or a range loop over the channel, could end. '
      + 'No other goroutine is left to wake it, so the program is deadlocked.');
  });

  it('a nil channel', () => {
    const r = explained(`package main

import "fmt"

func main() {
	var ch chan int
	go func() { fmt.Println("sending") }()
	ch <- 1
}
`);
    expect(r.ending).toBe('deadlock');
    expect(r.explanations).toEqual([{
      goroutine: 1,
      waitReason: 'chan send (nil chan)',
      line: 8,
      text: 'Goroutine 1 (main) is blocked at prog.go:8: it sends on a nil channel. '
        + 'The channel is nil (never made with make, or set to nil), and sending on a nil channel blocks forever.',
    }]);
  });

  it('a WaitGroup whose counter never reaches 0', () => {
    const r = explained(`package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			fmt.Println(i)
		}()
	}
	wg.Wait()
}
`);
    expect(r.ending).toBe('deadlock');
    expect(r.texts).toEqual(['Goroutine 1 (main) is blocked at prog.go:17: it waits in WaitGroup.Wait. '
      + 'The WaitGroup counter is still 1: it was raised by 3 in all (Add at prog.go:10) and Done was called 2 times, so Wait needs 1 more Done call. '
      + 'No other goroutine is left to wake it, so the program is deadlocked.']);
  });

  it('a mutex locked twice by the same goroutine', () => {
    const r = explained(`package main

import "sync"

var mu sync.Mutex

func get() int {
	mu.Lock()
	defer mu.Unlock()
	return 1
}

func main() {
	mu.Lock()
	get()
	mu.Unlock()
}
`);
    expect(r.explanations).toEqual([{
      goroutine: 1,
      waitReason: 'sync.Mutex.Lock',
      line: 8,
      text: 'Goroutine 1 (main) is blocked at prog.go:8: it waits to lock a sync.Mutex. '
        + 'It already holds this mutex itself: it locked it at prog.go:14 and has not unlocked it. '
        + 'A sync.Mutex is not reentrant: locking it again before Unlock blocks forever.',
    }]);
  });

  it('a mutex held by a goroutine that is itself blocked', () => {
    const r = explained(`package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	ch := make(chan int)
	go func() {
		mu.Lock()
		ch <- 1
		mu.Unlock()
	}()
	time.Sleep(time.Millisecond)
	mu.Lock()
	<-ch
}
`);
    expect(r.ending).toBe('deadlock');
    expect(r.texts).toEqual([
      'Goroutine 1 (main) is blocked at prog.go:17: it waits to lock a sync.Mutex. '
        + 'Goroutine 2 has held it since prog.go:12 and is itself blocked at prog.go:13 (chan send). '
        + 'Every other goroutine is blocked too, so none can wake it: the program is deadlocked.',
      'Goroutine 2 (started at prog.go:11) is blocked at prog.go:13: it waits to send on the unbuffered channel made at prog.go:10. '
        + 'No other goroutine has ever received from it. '
        + 'Every other goroutine is blocked too, so none can wake it: the program is deadlocked.',
    ]);
  });

  it('a select with no ready case', () => {
    const r = explained(`package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan string, 1)
	go func() {
		b <- "x"
	}()
	fmt.Println(<-b)
	select {
	case v := <-a:
		fmt.Println(v)
	case s := <-b:
		fmt.Println(s)
	}
}
`);
    expect(r.ending).toBe('deadlock');
    expect(r.explanations).toEqual([{
      goroutine: 1,
      waitReason: 'select',
      line: 12,
      text: 'Goroutine 1 (main) is blocked at prog.go:12: it waits in a select and none of its cases is ready. '
        + 'Case 1 receives from the unbuffered channel made at prog.go:6: no other goroutine has ever sent on it. '
        + 'Case 2 receives from the buffered channel (capacity 1) made at prog.go:7: the only goroutine that sent on it, goroutine 2, has exited. '
        + 'No other goroutine is left to wake it, so the program is deadlocked.',
    }]);
  });

  it('a timer channel read twice', () => {
    const r = explained(`package main

import "time"

func main() {
	t := time.NewTimer(time.Millisecond)
	<-t.C
	<-t.C
}
`);
    expect(r.texts).toEqual(['Goroutine 1 (main) is blocked at prog.go:8: it waits to receive from the channel of the timer set at prog.go:6. '
      + 'Its timer already fired and its value was taken, so no other value will come. '
      + 'No other goroutine is left to wake it, so the program is deadlocked.']);
  });

  it('a select leaked while its time.After timer is pending', () => {
    const r = explained(`package main

import "time"

func main() {
	ch := make(chan int)
	go func() {
		select {
		case <-ch:
		case <-time.After(time.Hour):
		}
	}()
	time.Sleep(time.Millisecond)
}
`);
    expect(r.ending).toBe('exit');
    expect(r.texts).toHaveLength(1);
    expect(r.texts[0]).toContain('Case 1 receives from the unbuffered channel made at prog.go:6: no other goroutine has ever sent on it. '
      + 'Case 2 receives from the channel of the timer set at prog.go:10: its timer had not fired yet (due at 1h of virtual time). '
      + 'main returned while it was still waiting, so it never finished: it leaked.');
  });

  it('RWMutex.Lock while holding a read lock, and readers behind a waiting writer', () => {
    const self = explained(`package main

import "sync"

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.Lock()
}
`);
    expect(self.texts).toEqual(['Goroutine 1 (main) is blocked at prog.go:8: it waits in RWMutex.Lock for the read locks to be released. '
      + 'It holds a read lock itself (RLock at prog.go:7), and Lock waits for every reader, this one included.']);
    const behind = explained(`package main

import (
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	go func() {
		rw.RLock()
		select {}
	}()
	time.Sleep(time.Millisecond)
	go func() {
		rw.RLock()
	}()
	rw.Lock()
}
`);
    expect(behind.texts[0]).toContain('Goroutine 2 holds a read lock since prog.go:11 and is itself blocked at prog.go:12 (select (no cases)).');
    expect(behind.texts[1]).toContain('A select with no cases blocks forever.');
    expect(behind.texts[2]).toContain('it waits in RWMutex.RLock because a writer holds or is waiting for the lock. Goroutine 1 (main) waits in Lock at prog.go:18;');
  });

  it('sync.Once.Do called again from inside its own function', () => {
    const r = explained(`package main

import "sync"

var once sync.Once

func main() {
	once.Do(func() {
		once.Do(func() {})
	})
}
`);
    expect(r.texts).toEqual(['Goroutine 1 (main) is blocked at prog.go:9: it waits in sync.Once.Do for the function another call is running. '
      + 'That call is its own: Do was entered again at prog.go:8 from inside the function Do is running, which waits for itself.']);
  });

  it('names several senders that exited', () => {
    const r = explained(`package main

import "fmt"

func main() {
	results := make(chan int)
	for w := 0; w < 3; w++ {
		go func() { results <- w }()
	}
	for i := 0; i < 4; i++ {
		fmt.Println(<-results)
	}
}
`);
    expect(r.texts[0]).toContain('Every goroutine that sent on it (goroutines 2, 3 and 4) has exited.');
  });

  it('goroutines left blocked after main called runtime.Goexit', () => {
    const r = explained(`package main

import "runtime"

func main() {
	ch := make(chan int)
	go func() { <-ch }()
	runtime.Goexit()
}
`);
    expect(r.ending).toBe('deadlock');
    expect(r.texts).toEqual(['Goroutine 2 (started at prog.go:7) is blocked at prog.go:7: it waits to receive from the unbuffered channel made at prog.go:6. '
      + 'No other goroutine has ever sent on it. '
      + 'Nobody closed it either: a close is the only other way this receive, or a range loop over the channel, could end. '
      + 'No other goroutine is left to wake it, so the program is deadlocked.']);
  });

  it('a goroutine still sleeping when main returns', () => {
    const r = explained(`package main

import "time"

func main() {
	go func() { time.Sleep(time.Second) }()
	time.Sleep(time.Millisecond)
}
`);
    expect(r.explanations).toEqual([{
      goroutine: 2,
      waitReason: 'sleep',
      line: 6,
      text: 'Goroutine 2 (started at prog.go:6) is asleep at prog.go:6: it sleeps in time.Sleep until 1s of virtual time. '
        + 'main returned before it woke, so it never finished.',
    }]);
  });

  it('stays the same when the event list was cut', () => {
    const src = `package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println(v)
		}
		done <- true
	}()
	for i := 0; i < 50; i++ {
		ch <- i
	}
	<-done
}
`;
    const full = explained(src);
    const cut = explained(src, 10);
    expect(cut.trace.truncated).toBe(true);
    expect(full.ending).toBe('deadlock');
    expect(cut.explanations).toEqual(full.explanations);
    expect(full.texts).toHaveLength(2);
    expect(full.texts[0]).toContain('it waits to receive from the unbuffered channel made at prog.go:7');
    expect(full.texts[0]).toContain('No other goroutine has ever sent on it.');
    expect(full.texts[1]).toContain('Goroutine 2 (started at prog.go:8) is blocked at prog.go:9');
    expect(full.texts[1]).toContain('Goroutine 1 (main), which sent on it before, is itself blocked at prog.go:17 (chan receive).');
    expect(full.texts[1]).toContain('Every other goroutine is blocked too');
  });

  it('explains nothing when the program ends cleanly', () => {
    const r = explained(`package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	<-ch
}
`);
    expect(r.ending).toBe(null);
    expect(r.explanations).toEqual([]);
  });
});
