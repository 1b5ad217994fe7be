package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Writer interface{ Log(string) }

type Service struct {
	*Logger
	name string
}

func main() {
	s := Service{&Logger{"[svc] "}, "api"}
	s.Log("starting " + s.name)
	var w Writer = s
	w.Log("via interface")
	f := s.Log
	s.Logger.prefix = "[changed] "
	f("method value shares the pointer")
	var w2 Writer = &Logger{"> "}
	if l, ok := w2.(*Logger); ok {
		l.Log("asserted")
	}
}
