package main

type State int

func (s State) String() string { return "state-" + string(rune('A'+s)) }

func main() {
	panic(State(2))
}
