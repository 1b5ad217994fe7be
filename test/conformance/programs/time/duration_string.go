package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 1500, time.Microsecond, 450 * time.Millisecond, 1500 * time.Millisecond,
		90 * time.Second, 2*time.Hour + 3*time.Minute, -time.Second, 100 * time.Hour, 1234567 * time.Microsecond}
	for _, d := range ds {
		fmt.Println(d)
	}
	d := 3*time.Second + 250*time.Millisecond
	fmt.Println(d.Seconds(), d.Milliseconds(), d.Minutes() < 1, int64(d))
	fmt.Printf("%v %d %s\n", d, d, time.Minute)
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second))
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err)
}
