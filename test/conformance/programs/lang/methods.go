package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	p := &c
	p.Inc()
	fmt.Println(c.Get(), p.Get())
	f := c.Get
	c.Inc()
	fmt.Println(f(), c.Get())
	g := (*Counter).Inc
	g(&c)
	fmt.Println(c.n)
	fmt.Println(MyInt(21).Double())
	cs := []Counter{{1}, {2}}
	for i := range cs {
		cs[i].Inc()
	}
	for _, x := range cs {
		x.Inc()
	}
	fmt.Println(cs)
}
