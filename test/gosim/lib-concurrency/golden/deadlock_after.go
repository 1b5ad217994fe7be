// Go 1.23+: a time.After channel nobody waits on does not postpone the deadlock report.
package main

import (
	"fmt"
	"time"
)

func main() {
	_ = time.After(time.Hour)
	t := time.NewTicker(time.Second)
	_ = t
	fmt.Println("blocking forever")
	ch := make(chan int)
	<-ch
}
