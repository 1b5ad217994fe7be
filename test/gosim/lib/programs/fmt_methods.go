package main

import (
	"errors"
	"fmt"
	"os"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Node struct {
	Val  int
	Next *Node
}

func (n *Node) String() string {
	if n == nil {
		return "end"
	}
	return fmt.Sprintf("%d -> %v", n.Val, n.Next)
}

type Bad struct{}

func (Bad) String() string { panic("no string for you") }

type Val struct{ N int }

func (v Val) String() string { return fmt.Sprint("Val#", v.N) }

type Temp struct {
	City string
	T    Celsius
	t    Celsius
}

type MyErr struct{ Op string }

func (e *MyErr) Error() string { return e.Op + " failed" }

func main() {
	fmt.Println(Celsius(21.5), []Celsius{1, 2})
	fmt.Printf("%v|%s|%d|%.2f\n", Celsius(3), Celsius(4), Celsius(5), Celsius(6))
	list := &Node{1, &Node{2, nil}}
	fmt.Println(list)
	var empty *Node
	fmt.Println(empty)
	fmt.Printf("[%v] [%5v] [%-8s]\n", Bad{}, Val{3}, Val{4})
	var nv *Val
	fmt.Println(nv)
	fmt.Printf("%v %+v\n", Temp{"Oslo", -3, 4}, Temp{"Rome", 18, 9})
	e1 := &MyErr{"read"}
	e2 := errors.New("disk full")
	w := fmt.Errorf("op: %w; cause: %w", e1, e2)
	fmt.Println(w, errors.Is(w, e2), errors.Unwrap(w) == nil)
	var me *MyErr
	fmt.Println(errors.As(w, &me), me.Op)
	fmt.Printf("%T %T %T\n", w, fmt.Errorf("x %w", e2), fmt.Errorf("plain"))
	fmt.Printf("%d %s\n", "str", 12)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%[2]d %[1]q %*d|%-*d|\n", "a", 2, 4, 5, 3, 6)
	fmt.Printf("%w\n", e2)
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	fmt.Fprint(os.Stdout, "x", 1, 2, "y", "z", 3.5, '\n')
	fmt.Print("\n")
	s := fmt.Sprintln("a", 1, true)
	fmt.Print(s)
	b := fmt.Appendf([]byte("pre:"), "%03d", 7)
	fmt.Println(string(b), len(b))
	fmt.Printf("%v %v %v\n", map[Val]int{{2}: 1, {1}: 2}, [2]Val{{7}, {8}}, struct{ V Val }{Val{9}})
	fmt.Printf("%x %X % x %#x\n", "Hi!", []byte{1, 171}, "ab", "ab")
	fmt.Printf("%08.3f|%+.2e|%g|%G|%v\n", -3.14159, 123456.789, 1e-9, 2.5e21, float32(1)/3)
	fmt.Printf("%c%c %U %#U %q\n", 'G', 0x4E16, 0x1F600, 'x', 'y')
	fmt.Printf("%t %v %p\n", false, nil, nil)
	fmt.Printf("%6.2f%%\n", 99.5)
}
