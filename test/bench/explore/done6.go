// Six goroutines each square a number and signal on a buffered channel; main waits for six signals.
package main

import "fmt"

func main() {
	squares := make([]int, 6)
	done := make(chan bool, 6)
	for i := range 6 {
		go func() {
			squares[i] = i * i
			done <- true
		}()
	}
	for range 6 {
		<-done
	}
	fmt.Println(squares)
}
