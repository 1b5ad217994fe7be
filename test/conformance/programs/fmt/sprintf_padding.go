package main

import "fmt"

func main() {
	rows := []struct {
		name  string
		score float64
		n     int
	}{{"alice", 93.456, 3}, {"bob", 7.1, 12}, {"christina", 100, 1}}
	for _, r := range rows {
		fmt.Printf("|%-10s|%7.2f|%3d|\n", r.name, r.score, r.n)
	}
	s := fmt.Sprintf("%6.2f|%-6v|%6v|%06d", 3.14159, "ab", true, -12)
	fmt.Println(s)
	fmt.Println(fmt.Sprintf("%v %v", 1e100, int64(-1<<63)))
	fmt.Printf("%#v %#v %#v %#v\n", "s", 1.0, int32(3), []string(nil))
	fmt.Printf("%+d %+d % d % d\n", 5, -5, 5, -5)
	fmt.Printf("%x %X %#08x\n", -255, 3054, 255)
	fmt.Printf("%10.4v|%-10v|\n", 3.14159265, 2.5)
	fmt.Printf("%p\n", nil)
}
