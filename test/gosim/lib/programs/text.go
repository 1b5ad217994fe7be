package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "  Hello, Wörld! Ünïcode ✓  "
	fmt.Printf("%q\n", strings.TrimSpace(s))
	fmt.Println(strings.ToUpper(s), strings.ToLower(s))
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Printf("%q %q\n", strings.Split("a,b,,c", ","), strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q %q\n", strings.Split("héllo", ""), strings.SplitAfter("a.b.c", "."))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("abc", "", "-", -1))
	fmt.Println(strings.ReplaceAll("banana", "a", "o"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexRune("chicken", 'k'))
	fmt.Println(strings.IndexAny("golang", "ng"), strings.IndexByte("golang", 'l'), strings.IndexFunc("Hello, 世界", unicode.IsUpper))
	fmt.Println(strings.Repeat("ab", 3), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	fmt.Printf("%q %q %q\n", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Contains("seafood", "foo"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "banana"))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3", unicode.IsDigit))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	sb.WriteByte('!')
	sb.WriteRune('é')
	fmt.Println(sb.String(), sb.Len())
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	fmt.Println(buf.String(), buf.Len())
	fmt.Println(utf8.RuneCountInString("héllo"), len("héllo"), utf8.RuneLen('世'), utf8.ValidString("a\xffb"))
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size)
	r, size = utf8.DecodeLastRuneInString("世界")
	fmt.Println(string(r), size)
	fmt.Println(unicode.IsLetter('é'), unicode.IsDigit('٣'), unicode.IsSpace('\u00a0'), unicode.IsPunct('!'), unicode.ToLower('Ä'))
	for _, in := range []string{"42", "-7", "x", "99999999999999999999", ""} {
		n, err := strconv.Atoi(in)
		fmt.Println(n, err)
	}
	v, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	_, err = strconv.ParseFloat("1e500", 64)
	fmt.Println(err)
	bv, err := strconv.ParseBool("maybe")
	fmt.Println(bv, err)
	fmt.Println(strconv.Quote("tab\there \"q\" ☺ \x00"), strconv.QuoteRune('☺'), strconv.Itoa(-45), strconv.FormatInt(255, 2))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.000001234, 'e', 3, 32))
	u, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", u, err)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func)
	}
	_, err = strconv.Atoi("12a")
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	}
}
