// Records real fmt's output for every (format, value) pair of the table below; gosim's fmt
// tests replay the same table (test/gosim/lib/fmt-values.ts builds the same values) and compare
// byte for byte. Regenerate with test/gosim/lib/golden/regen.sh.
package main

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
)

type P struct{ X, Y int }
type Inner struct {
	a int
	B string
}
type Color int

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

type PS struct{ N int }

func (p *PS) String() string { return fmt.Sprintf("PS(%d)", p.N) }

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Boom struct{}

func (Boom) String() string { panic("boom") }

type Wrapper struct {
	C Color
	c Color
	E error
}
type Celsius float64
type Name string
type Outer struct {
	P
	Tags []string
	M    map[string]int
}

type value struct {
	name string
	v    any
}

func values() []value {
	negZero := math.Copysign(0, -1)
	return []value{
		{"int0", 0}, {"int42", 42}, {"intNeg", -7}, {"int8Min", int8(-128)}, {"uint8", uint8(200)},
		{"uint64Max", uint64(math.MaxUint64)}, {"int64Min", int64(math.MinInt64)}, {"big", 1234567},
		{"runeX", 'x'}, {"runeSmile", rune(0x1F600)}, {"runeBad", rune(-1)}, {"uintptr", uintptr(255)},
		{"pi", 3.14159}, {"negZero", negZero}, {"million", 1e6}, {"tiny", 1e-7}, {"lakh", 100000.0},
		{"nine", 123456789.0}, {"tenth", 0.1}, {"f32tenth", float32(0.1)}, {"f32big", float32(16777216)},
		{"inf", math.Inf(1)}, {"negInf", math.Inf(-1)}, {"nan", math.NaN()}, {"twoHalf", 2.5},
		{"e21", 1e21}, {"denorm", 5e-324}, {"third", 1.0 / 3}, {"negF", -1234.5678},
		{"c128", 1 + 2i}, {"c64", complex64(-1.5 - 0.5i)},
		{"empty", ""}, {"hi", "hi"}, {"accent", "héllo"}, {"tab", "tab\there"}, {"badUTF8", "\xff"},
		{"backq", "`q`"}, {"japanese", "日本語"}, {"quote", `say "hi"\`}, {"ctrl", "\x00\x7f\u00ad"},
		{"true", true}, {"false", false},
		{"bytes", []byte("hi")}, {"ints", []int{1, 2, 3}}, {"strs", []string{"a", "b c"}}, {"nilInts", []int(nil)},
		{"bools", [2]bool{true, false}}, {"anys", []any{1, "a", nil, 2.5}}, {"emptyInts", []int{}},
		{"mapSI", map[string]int{"b": 2, "a": 1, "c": 3}}, {"mapIS", map[int]string{3: "c", -1: "z", 2: "b"}},
		{"mapF", map[float64]int{math.NaN(): 1, -1: 2, 1.5: 3}}, {"mapB", map[bool]int{true: 1, false: 0}},
		{"nilMap", map[string]int(nil)}, {"mapP", map[P]string{{2, 1}: "b", {1, 9}: "a"}},
		{"mapAny", map[any]int{"x": 1, "a": 2, nil: 0}},
		{"p", P{1, 2}}, {"pp", &P{1, 2}}, {"nilP", (*P)(nil)}, {"inner", Inner{3, "x"}},
		{"outer", Outer{P{1, 2}, []string{"t"}, map[string]int{"k": 1}}}, {"anonStruct", struct{ A, b int }{1, 2}},
		{"color", Color(1)}, {"colors", []Color{0, 2}}, {"ps", &PS{7}}, {"psVal", PS{8}}, {"nilPS", (*PS)(nil)},
		{"nilColor", (*Color)(nil)}, {"myErr", MyErr{404}}, {"boom", Boom{}}, {"wrapper", Wrapper{1, 2, MyErr{5}}},
		{"wrapperNil", Wrapper{}}, {"celsius", Celsius(36.6)}, {"name", Name("bob")},
		{"errNew", errors.New("plain")}, {"nil", nil},
	}
}

var formats = []string{
	"%v", "%+v", "%#v", "%T", "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%x", "%X", "%#x", "%# x",
	"% x", "%o", "%#o", "%O", "%b", "%c", "%q", "%+q", "%#q", "%U", "%#U", "%e", "%E", "%.2e", "%f", "%.2f",
	"%8.3f", "%-8.2f|", "%08.3f", "%+.1f", "%g", "%G", "%.3g", "%#g", "%s", "%10s", "%-10s|", "%.2s", "%t",
	"%6.2v", "%010v", "%x|%X", "%F", "%#.3x", "%!", "%z",
}

type rec struct {
	F   string `json:"f"`
	A   string `json:"a"`
	Out string `json:"out"`
}

func main() {
	var out []rec
	for _, val := range values() {
		for _, f := range formats {
			s := fmt.Sprintf(f, val.v)
			out = append(out, rec{f, val.name, hex.EncodeToString([]byte(s))})
		}
	}
	// Whole-call forms: several operands, argument indexes, star widths, error forms.
	calls := []struct {
		f string
		a []any
	}{
		{"%d %d", []any{1, 2}}, {"%[2]d %[1]d", []any{1, 2}}, {"%[3]d", []any{1, 2}}, {"%d", []any{}},
		{"%d", []any{1, 2}}, {"%d %s", []any{1}}, {"%!", []any{}}, {"%", []any{}}, {"%*d|", []any{5, 1}},
		{"%-*d|", []any{5, 1}}, {"%*d|", []any{-5, 1}}, {"%.*f", []any{2, 3.14159}}, {"%*d", []any{"x", 1}},
		{"%.*d", []any{-1, 5}}, {"%[1]*d", []any{3, 4}}, {"%[2]*[1]d|", []any{7, 4}}, {"%d %d %[1]d %d", []any{1, 2}},
		{"%v %v", []any{nil, "x"}}, {"%w", []any{errors.New("e")}}, {"%[0]d", []any{1}}, {"%[x]d", []any{1}},
		{"%.d", []any{0}}, {"%5.d|", []any{0}}, {"%3c|%-3c|", []any{'a', 'b'}}, {"%08.3e", []any{-1.5}},
		{"%+08d", []any{-5}}, {"%x", []any{[]string{"ab", "c"}}}, {"%q", []any{[]string{"a\n", "b"}}},
		{"%5t|%-6t|", []any{true, false}}, {"%.1q", []any{"héllo"}}, {"%5.1s|", []any{"日本語"}}, {"%d%%", []any{50}},
		{"%s", []any{[]any{[]byte("x"), Color(2)}}}, {"%v", []any{[]*PS{nil}}}, {"%v", []any{map[Color]int{2: 1, 0: 2}}},
		{"%d", []any{Color(1)}}, {"%s", []any{42}}, {"%v|%v", []any{int8(-1), uint16(65535)}}, {"%x", []any{-255}},
		{"%#b %#o %#X", []any{5, 8, 255}}, {"%10.4v|", []any{math.Pi}}, {"%-010d|", []any{42}}, {"%0-10d|", []any{42}},
		{"% +d", []any{3}}, {"%+ d", []any{3}}, {"%v", []any{[]error{MyErr{1}, nil}}}, {"%e", []any{0.0}},
		{"%.0f %.0f %.0f %.1f %.2f", []any{0.5, 1.5, 2.5, 0.25, 1.005}}, {"%.20f", []any{0.1}}, {"%.3e", []any{9.9999}},
		{"%g %g %g %g", []any{1e-5, 1e-4, 1e20, 1e21}}, {"%.1g %.2g", []any{0.15, 1234.0}}, {"%v", []any{float32(1) / 3}},
		{"%6.3v|", []any{"abcdef"}}, {"%#v", []any{[]any{nil, 1, "s"}}}, {"%#v", []any{map[string]any{"a": nil}}},
		{"%#v", []any{struct{}{}}}, {"%v", []any{struct{}{}}}, {"%#v", []any{[]byte(nil)}}, {"%#v", []any{uint(7)}},
		{"%#v %#v", []any{'x', int64(3)}}, {"%T %T %T", []any{nil, []any{}, map[string][]int{}}}, {"%T", []any{make(chan int)}},
		{"%T", []any{func(int, ...string) (bool, error) { return false, nil }}}, {"%T", []any{struct {
			A int
			b string
		}{}}}, {"%T", []any{[3]*int{}}},
	}
	for i, c := range calls {
		s := fmt.Sprintf(c.f, c.a...)
		out = append(out, rec{c.f, fmt.Sprintf("call%d", i), hex.EncodeToString([]byte(s))})
	}
	// Print and Println spacing.
	printCases := [][]any{
		{"a", "b"}, {1, 2}, {"a", 1, 2, "b"}, {1, "a", 2}, {nil, nil}, {Name("x"), 1}, {1.5, true}, {}, {[]int{1}, 2},
	}
	for i, c := range printCases {
		out = append(out, rec{"Sprint", fmt.Sprintf("print%d", i), hex.EncodeToString([]byte(fmt.Sprint(c...)))})
		out = append(out, rec{"Sprintln", fmt.Sprintf("print%d", i), hex.EncodeToString([]byte(fmt.Sprintln(c...)))})
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
