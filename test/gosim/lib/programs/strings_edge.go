package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	bad := "a\xffb\xe2\x82"
	fmt.Printf("%q %q %q\n", strings.ToUpper(bad), strings.ToLower("ÀÉÎ\xff"), strings.ToTitle("ǆemal"))
	fmt.Printf("%q %q\n", strings.Split(bad, ""), strings.SplitN("a,b,c", ",", 0))
	fmt.Printf("%q %q %q\n", strings.SplitN("a,b,c", ",", -1), strings.SplitN("a,b,c", ",", 5), strings.SplitN("", ",", 2))
	fmt.Printf("%q %q\n", strings.Split("", ""), strings.Split("abc", "abc"))
	fmt.Printf("%q\n", strings.Fields("\u00a0a\u2003b\u3000c\x85d\te"))
	fmt.Println(strings.Index("abc", ""), strings.LastIndex("abc", ""), strings.Count("aaaa", "aa"), strings.Index("", "a"))
	fmt.Println(strings.IndexRune(bad, '\uFFFD'), strings.IndexRune("abc", -1), strings.ContainsRune("héllo", 'é'), strings.ContainsAny("", ""))
	fmt.Printf("%q %q %q\n", strings.Trim("¡¡Hola!!", "!¡"), strings.TrimLeft("aaab", "a"), strings.TrimRight("baaa\xff", "a\xff"))
	fmt.Printf("%q %q\n", strings.TrimSpace("\t\n x \u2002\u00a0"), strings.TrimSpace("\xff "))
	fmt.Printf("%q %q %q\n", strings.Replace("aaa", "a", "b", 0), strings.Replace("aaa", "", "-", 2), strings.Replace("héé", "", ".", -1))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Σ", "ς"), strings.EqualFold("K", "\u212a"), strings.EqualFold("ǅ", "ǆ"))
	fmt.Printf("%q\n", strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Printf("%q\n", strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r + 1
	}, "a b\tc"))
	b, a, ok := strings.Cut("no-sep", ":")
	fmt.Printf("%q %q %v\n", b, a, ok)
	s, ok2 := strings.CutPrefix("prefix", "pre")
	t, ok3 := strings.CutSuffix("suffix", "x")
	fmt.Println(s, ok2, t, ok3)
	fmt.Printf("%q %q\n", strings.SplitAfter("a,b,", ","), strings.FieldsFunc("  ", unicode.IsSpace))
	fmt.Println(strings.Compare("a", "a"), strings.Compare("b", "a"), strings.HasPrefix("", ""), strings.HasSuffix("a", ""))
	fmt.Println(strings.Repeat("", 5) == "", strings.Join(nil, ","), strings.Join([]string{"x"}, ", "))
	var sb strings.Builder
	sb.Grow(10)
	fmt.Println(sb.Len(), sb.Cap() >= 10, sb.String() == "")
	sb.WriteRune(-1)
	sb.WriteRune(0x10FFFF + 1)
	fmt.Printf("%q %d\n", sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q\n", sb.String())
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strings.Repeat("x", -1))
}
