package main

import "fmt"

type Ball struct{ hits int }

func player(name string, table chan *Ball, done chan struct{}) {
	for {
		ball := <-table
		if ball.hits == 6 {
			close(done)
			return
		}
		ball.hits++
		fmt.Println(name, ball.hits)
		table <- ball
	}
}

func main() {
	table := make(chan *Ball)
	done := make(chan struct{})
	go player("ping", table, done)
	table <- new(Ball)
	go player("pong", table, done)
	<-done
}
