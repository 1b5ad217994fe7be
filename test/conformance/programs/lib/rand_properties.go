package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	inRange := true
	for i := 0; i < 1000; i++ {
		if n := r.Intn(10); n < 0 || n >= 10 {
			inRange = false
		}
		if f := r.Float64(); f < 0 || f >= 1 {
			inRange = false
		}
	}
	fmt.Println("in range:", inRange)
	a := rand.New(rand.NewSource(7))
	b := rand.New(rand.NewSource(7))
	same := true
	for i := 0; i < 100; i++ {
		if a.Int63() != b.Int63() {
			same = false
		}
	}
	fmt.Println("same seed, same sequence:", same)
	p := rand.Perm(5)
	seen := map[int]bool{}
	for _, v := range p {
		seen[v] = true
	}
	fmt.Println("perm is a permutation:", len(p) == 5 && len(seen) == 5)
	s := []int{1, 2, 3, 4, 5}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	sum := 0
	for _, v := range s {
		sum += v
	}
	fmt.Println("shuffle keeps elements:", sum == 15)
	fmt.Println(rand.Intn(1))
}
