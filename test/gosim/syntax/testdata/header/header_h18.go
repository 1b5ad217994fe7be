package main

import "fmt"
import (
	"os"
	"strings"
)
import . "sync"
import _ "time"

func main() { fmt.Println(os.Args, strings.ToUpper("x")); var m Mutex; m.Lock() }
