package main

import "fmt"

type msg struct {
	id   int
	text string
}

func main() {
	ch := make(chan msg, 2)
	ch <- msg{1, "hi"}
	close(ch)
	for i := 0; i < 3; i++ {
		m, ok := <-ch
		fmt.Printf("%+v %v\n", m, ok)
	}
	done := make(chan struct{})
	close(done)
	<-done
	<-done
	fmt.Println("closed channel never blocks")
	pc := make(chan *int, 1)
	close(pc)
	p, ok := <-pc
	fmt.Println(p, ok)
}
