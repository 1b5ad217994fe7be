// An unread ticker during a long sleep: the reader gets the first missed tick, then the next
// tick after it woke (Go 1.23 timers run lazily; gosim stalls the ticker instead of spinning).
// Truncate, not Round: a real run on a busy machine is late, never early.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTicker(100 * time.Millisecond)
	time.Sleep(1050 * time.Millisecond)
	a := <-t.C
	fmt.Println(a.Sub(start).Truncate(50*time.Millisecond), time.Since(start).Truncate(50*time.Millisecond))
	b := <-t.C
	fmt.Println(b.Sub(start).Truncate(50*time.Millisecond), time.Since(start).Truncate(50*time.Millisecond))
}
