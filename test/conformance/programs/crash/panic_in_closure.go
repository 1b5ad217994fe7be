package main

func main() {
	f := func() {
		g := func() {
			panic("deep")
		}
		g()
	}
	f()
}
