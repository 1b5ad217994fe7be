package main

func main() {
	a := []int{1}
	b := []int{1}
	_ = a == b
	m := map[string]int{}
	_ = m == nil
	f := func() {}
	_ = f == f
	type S struct{ xs []int }
	_ = S{} == S{}
}
