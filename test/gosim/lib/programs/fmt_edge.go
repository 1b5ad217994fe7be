package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

type Name string

func (n Name) String() string { return "Name(" + string(n) + ")" }

type Base struct{ ID int }

func (b Base) String() string { return fmt.Sprintf("Base#%d", b.ID) }

type Derived struct {
	Base
	Extra string
}

type PtrOnly struct{ V int }

func (p *PtrOnly) String() string { return "ptr" }

type Bytes []byte

type Wrapped struct {
	Err error
	N   Name
	n   Name
}

type Matrix [2][2]int

type Tree struct {
	Left, Right *Tree
	Val         int
}

func main() {
	fmt.Println(fmt.Errorf("x: %w", nil))
	e := fmt.Errorf("a: %w", errors.New("b"))
	fmt.Println(errors.Unwrap(errors.Unwrap(e)) == nil, e)
	fmt.Printf("%s|%d|%v\n", nil, []any{1, "a"}, []any{nil})
	fmt.Printf("%s %x %q\n", Bytes("hey"), Bytes("hey"), Bytes("hey"))
	fmt.Printf("%x %X %08b %o %#o\n", -1, -255, 5, -8, 8)
	fmt.Printf("[%6s][%-6s][%-5c][%3c]\n", "héllo", "日本", 'é', 'x')
	fmt.Printf("%q %v %s\n", []string{"a b", "c"}, [][]int{{1}, {2, 3}}, []Name{"x", "y"})
	fmt.Println(struct{}{}, []struct{}{{}, {}}, map[string]map[string]int{"o": {"i": 1}})
	fmt.Println(Derived{Base{7}, "e"}, &Derived{Base{8}, "f"})
	fmt.Printf("%+v %#v\n", Derived{Base{9}, "g"}, Derived{Base{10}, "h"})
	fmt.Println(PtrOnly{1}, &PtrOnly{2}, []PtrOnly{{3}}, []*PtrOnly{{4}})
	fmt.Println(Wrapped{errors.New("boom"), "a", "b"})
	fmt.Printf("%v %+v\n", Wrapped{nil, "c", "d"}, Wrapped{})
	fmt.Println(Matrix{{1, 2}, {3, 4}}, [0]int{}, [3]string{"a"})
	t := &Tree{Val: 1, Left: &Tree{Val: 2}}
	fmt.Printf("%v %+v\n", *t.Left, *t.Left)
	fmt.Println(time.Duration(0), 90*time.Second, 1500*time.Microsecond, []time.Duration{time.Hour, 3})
	fmt.Printf("%d %v %s\n", time.Second, time.Second, 2*time.Minute+3*time.Millisecond)
	fmt.Printf("%5.1f|%-7.3e|%+g|% .2f\n", 2.25, 1234.5678, 3.0, 1.005)
	fmt.Printf("%v %v %v %v\n", 1e20, 1e21, 123456.0, 0.000012345)
	fmt.Printf("%v %v %.3v %g\n", float32(3.14), float32(1e10), 3.14159, float32(0.1))
	fmt.Printf("%v %.2f %+.1e\n", 2+3i, complex(1.5, -2), complex64(1i))
	fmt.Printf("%t %v %08.3f %x\n", true, int8(-5), -1.5, 3.5)
	fmt.Printf("%3d|%-3d|%03d|% d|%+d\n", -5, -5, -5, -5, 0)
	fmt.Printf("%U %#U %c %q %d\n", '⌘', '⌘', 65, 0x1F600, 'A')
	fmt.Printf("%s\n", strings.Repeat("ab", 3))
	fmt.Printf("%v|%6v|%-6v|\n", true, false, nil)
	fmt.Printf("%[1]d %[1]x %[1]o %[1]b %[1]c %[1]q %[1]U\n", 97)
	fmt.Printf("%.0f %.1f %.2f %.3f\n", 0.5, 0.25, 0.125, 0.0625)
	fmt.Printf("%.3s|%.10s|%5.2s|\n", "abcdef", "ab", "xyz")
	fmt.Printf("%d items at %5.2f%% = %s\n", 3, 12.5, fmt.Sprint(37.5))
	var np *Tree
	var ni fmt.Stringer
	var nm map[string]int
	var ns []int
	var nf func()
	var nc chan int
	var ne error
	fmt.Println(np, ni, nm, ns, nf == nil, nc, ne)
	fmt.Printf("%v %v %v %v %v %d %s\n", np, ni, nm, ns, nc, ns, ns)
	fmt.Printf("%#v %#v %#v %#v %#v\n", np, ni, nm, ns, ne)
	fmt.Print(1, 2, "a", "b", 3, nil, 4, "\n")
	fmt.Print("x", 1.5, true, '\n', "\n")
}
