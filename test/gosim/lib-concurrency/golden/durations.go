// Prints Duration and Time results that gosim's time natives must reproduce byte for byte.
// Regenerate durations.out with ./regen.sh (needs the real Go toolchain).
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	ds := []time.Duration{
		0, 1, 999, 1000, 1001, 1500, 450 * time.Millisecond, time.Millisecond + 1,
		1500 * time.Millisecond, 90 * time.Second, 2*time.Hour + 3*time.Minute,
		-2 * time.Second, -1, 59*time.Second + 999*time.Millisecond, 100 * time.Hour,
		time.Duration(math.MaxInt64), time.Duration(math.MinInt64), 1234567890,
		3*time.Minute + 7*time.Nanosecond, -(90 * time.Minute), 25 * time.Microsecond,
	}
	for _, d := range ds {
		fmt.Printf("%d %s|%v|%d|%d|%d|%v|%v|%v|%s|%s|%s|%s|%s\n", int64(d), d.String(), d,
			d.Nanoseconds(), d.Microseconds(), d.Milliseconds(), d.Seconds(), d.Minutes(), d.Hours(),
			d.Truncate(time.Second), d.Round(time.Second), d.Round(time.Millisecond),
			d.Round(7*time.Minute), d.Abs())
	}
	for _, s := range []string{"1.5s", "1m30s", "2h3m", "-2s", "300ms", "1us", "1µs", "0", "", "1", "1x", "+5ns", ".5s", "1.s", "1h1h", "3.000000001s"} {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q %v %v\n", s, d, err)
	}
	for m := time.Month(0); m <= 13; m++ {
		fmt.Print(m.String(), " ")
	}
	fmt.Println()
	for w := time.Weekday(-1); w <= 7; w++ {
		fmt.Print(w.String(), " ")
	}
	fmt.Println()
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), zero.Year(), zero.Weekday())
	t := time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)
	layouts := []string{time.Layout, time.ANSIC, time.UnixDate, time.RFC822, time.RFC1123, time.RFC3339,
		time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.DateTime, time.DateOnly, time.TimeOnly,
		"Monday January 2 2006 3:04:05 pm .000 .999 ,000 002 __2 Z0700 -07 -07:00"}
	for _, tt := range []time.Time{t, t.Add(1500 * time.Millisecond), t.Add(-36 * time.Hour), t.AddDate(0, 3, 25),
		time.Date(2024, 2, 29, 7, 5, 9, 123456789, time.UTC), time.Date(2023, 14, 35, 25, 61, 61, 0, time.UTC),
		time.Unix(0, 0).UTC(), time.UnixMilli(1700000000123).UTC(), time.Date(1999, 12, 31, 12, 0, 0, 5000, time.UTC)} {
		fmt.Println(tt)
		for _, l := range layouts {
			fmt.Println(" ", tt.Format(l))
		}
		fmt.Println(" ", tt.Year(), tt.Month(), tt.Day(), tt.Weekday(), tt.Hour(), tt.Minute(), tt.Second(),
			tt.Nanosecond(), tt.YearDay(), tt.Unix(), tt.UnixMilli(), tt.UnixMicro(), tt.UnixNano(),
			tt.Sub(t), t.Sub(tt), tt.Before(t), tt.After(t), tt.Equal(t), tt.Compare(t),
			tt.Truncate(time.Hour), tt.Round(time.Hour), tt.Truncate(24*time.Hour))
	}
}
