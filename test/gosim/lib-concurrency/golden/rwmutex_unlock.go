// RUnlock of an unlocked RWMutex is a fatal error, which recover cannot stop.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() { fmt.Println("recovered?", recover()) }()
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	fmt.Println("once is fine")
	rw.RUnlock()
}
