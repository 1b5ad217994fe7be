package main

func f(a, b int, c ...string, d int) {}

func (a, b T) M() {}

func () N() {}

type T int

func main() {}
