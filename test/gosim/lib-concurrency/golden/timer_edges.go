// Timers at zero or negative durations, misuse of zero Timer/Ticker values, and nil time.Tick.
package main

import (
	"fmt"
	"time"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	start := time.Now()
	t := time.NewTimer(0)
	<-t.C
	<-time.After(-time.Second)
	fmt.Println("immediate timers fired at once:", time.Since(start) < time.Millisecond)
	fmt.Println(t.Reset(0))
	<-t.C
	var zt time.Timer
	try("Stop zero Timer", func() { zt.Stop() })
	try("Reset zero Timer", func() { zt.Reset(time.Second) })
	var ztk time.Ticker
	try("Stop zero Ticker", func() { ztk.Stop() })
	try("Reset zero Ticker", func() { ztk.Reset(time.Second) })
	try("NewTicker(0)", func() { time.NewTicker(0) })
	try("Reset(-1)", func() { time.NewTicker(time.Second).Reset(-1) })
	try("Date nil loc", func() { time.Date(2000, 1, 1, 0, 0, 0, 0, nil) })
	fmt.Println(time.Tick(0) == nil, time.Tick(-1) == nil)
	tk := time.NewTicker(time.Millisecond)
	tk.Stop()
	tk.Reset(5 * time.Millisecond)
	mark := time.Now()
	<-tk.C
	fmt.Println("restarted ticker after", time.Since(mark).Round(time.Millisecond))
	<-time.Tick(0)
}
