package main

// The closures are stored in variables the compiler cannot see through, so they are not
// inlined and keep their own names (main.main.func1, main.main.func1.1) in the traceback.
var hooks []func()

func main() {
	hooks = append(hooks, func() {
		inner := []func(){func() {
			panic("deep")
		}}
		inner[0]()
	})
	hooks[0]()
}
