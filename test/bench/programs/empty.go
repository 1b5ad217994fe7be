// An empty program: what each engine costs before any Go code runs (process start-up).
package main

func main() {}
