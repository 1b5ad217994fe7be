// Time.Format with unusual layouts, AddDate normalization, Truncate/Round of times.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, 3, 5, 7, 8, 9, 120000000, time.UTC)
	for _, l := range []string{"Jan 2, 2006 at 3:04pm (MST)", "2006-01-02T15:04:05.000Z07:00", "20060102", "15h04",
		"05.00", "5,999", "Monday, 02-Jan-06 15:04:05 MST", "Mon Jan 02 15:04:05 -0700 2006", "_2006 __2 002",
		"1 01 Jan January", "pm PM 3 03 15", "-07:00:00 Z07:00:00 -070000 Z070000", "2006.0", "06-1-2", ".9999",
		"15:04:05.99999999999"} {
		fmt.Printf("%q\n", t.Format(l))
	}
	jan31 := time.Date(2023, 1, 31, 0, 0, 0, 0, time.UTC)
	fmt.Println(jan31.AddDate(0, 1, 0), jan31.AddDate(1, 1, 0), jan31.AddDate(0, 0, -31), jan31.AddDate(-2024, 0, 0))
	fmt.Println(t.Truncate(time.Minute), t.Round(time.Second), t.Round(7*time.Minute), t.Truncate(-1))
	fmt.Println(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC).YearDay(), time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC).Weekday())
	fmt.Println(time.Unix(1e9, 5).UTC(), time.Unix(-1, 0).UTC(), time.UnixMilli(-1).UTC().Nanosecond())
	d := time.Date(2009, 11, 10, 23, 0, 0, 0, time.UTC)
	fmt.Println(d.Sub(time.Time{}), time.Time{}.Sub(d), d.After(time.Time{}), d.Compare(d.Add(1)))
}
