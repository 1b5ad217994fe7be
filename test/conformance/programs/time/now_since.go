package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(200 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 200*time.Millisecond, el < 10*time.Second)
	t1 := time.Now()
	t2 := t1.Add(90 * time.Minute)
	fmt.Println(t2.Sub(t1), t2.After(t1), t1.Before(t2), t1.Equal(t1))
	fmt.Println(time.Until(t2) > 0)
	d := time.Date(2024, time.March, 5, 14, 30, 0, 0, time.UTC)
	fmt.Println(d.Year(), d.Month(), d.Day(), d.Weekday(), d.Hour(), d.Minute())
	fmt.Println(d.Format("2006-01-02 15:04:05"), d.Format(time.RFC3339))
	fmt.Println(d.Add(24 * time.Hour).Format("Jan 2"))
}
