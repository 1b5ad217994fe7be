package main

import (
	"fmt"
	"math/rand"
)

// A deterministic Source: gosim derives every *Rand method from Int63 as Go does.
type counter struct{ x uint64 }

func (c *counter) Int63() int64 {
	c.x = c.x*6364136223846793005 + 1442695040888963407
	return int64(c.x >> 1)
}

func (c *counter) Seed(s int64) { c.x = uint64(s) }

func main() {
	r := rand.New(&counter{42})
	fmt.Println(r.Intn(10), r.Intn(1000), r.Int31n(7), r.Int63n(1<<40), r.Int31(), r.Int63(), r.Int())
	fmt.Printf("%.6f %.6f\n", r.Float64(), r.Float64())
	fmt.Println(r.Perm(8))
	xs := []string{"a", "b", "c", "d", "e", "f"}
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	fmt.Println(xs)
	r.Seed(7)
	fmt.Println(r.Intn(100), r.Intn(100))
	defer func() { fmt.Println("recovered:", recover()) }()
	r.Intn(0)
}
