package main

import (
	"bytes"
	"fmt"
)

func show(name string, parts [][]byte) {
	fmt.Printf("%s %q %d:", name, parts, len(parts))
	for _, p := range parts {
		fmt.Print(" ", len(p), "/", cap(p), p == nil)
	}
	fmt.Println()
}

func main() {
	show("split", bytes.Split([]byte("a,b,,c"), []byte(",")))
	show("split-empty-sep", bytes.Split([]byte("héllo"), nil))
	show("split-empty", bytes.Split([]byte(""), []byte(",")))
	show("split-nil", bytes.Split(nil, []byte(",")))
	show("splitn2", bytes.SplitN([]byte("a:b:c"), []byte(":"), 2))
	show("splitn0", bytes.SplitN([]byte("a:b:c"), []byte(":"), 0))
	show("splitn-explode", bytes.SplitN([]byte("abcd"), []byte(""), 3))
	show("splitafter", bytes.SplitAfter([]byte("a,b,c"), []byte(",")))
	show("fields", bytes.Fields([]byte("  foo bar\tbaz\n ")))
	show("fields-none", bytes.Fields([]byte("   ")))

	// Pieces share the input's array; appending to a capped piece copies instead of overwriting.
	src := []byte("x,y,z")
	parts := bytes.Split(src, []byte(","))
	parts[0] = append(parts[0], '!')
	parts[1][0] = 'Y'
	fmt.Printf("%s %q\n", src, parts)

	j := bytes.Join([][]byte{[]byte("a"), []byte("b"), []byte("c")}, []byte(", "))
	fmt.Printf("%s %d\n", j, len(j))
	fmt.Println(bytes.Join(nil, []byte(",")) == nil, bytes.Join([][]byte{{}}, []byte(",")) == nil, string(bytes.Join([][]byte{[]byte("solo")}, []byte(","))))
	fmt.Printf("%s\n", bytes.Repeat([]byte("ab"), 3))
	fmt.Println(bytes.Count([]byte("cheese"), []byte("e")), bytes.Count([]byte("five"), nil))
	fmt.Println(bytes.IndexByte([]byte("golang"), 'l'), bytes.LastIndex([]byte("go gopher"), []byte("go")), bytes.LastIndex([]byte("x"), []byte("y")))
	fmt.Println(bytes.ContainsRune([]byte("héllo"), 'é'), bytes.ContainsAny([]byte("hello"), "xyz"), bytes.ContainsAny([]byte("hello"), "ol"))
	before, after, found := bytes.Cut([]byte("key=value=x"), []byte("="))
	fmt.Printf("%s|%s|%v\n", before, after, found)
	before, after, found = bytes.Cut([]byte("novalue"), []byte("="))
	fmt.Printf("%s|%s|%v %v\n", before, after, found, after == nil)
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("oink oink oink"), []byte("k"), []byte("ky")))
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("abc"), []byte(""), []byte("-")))
	fmt.Println(bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.EqualFold([]byte("Straße"), []byte("STRASSE")), bytes.EqualFold([]byte("Σ"), []byte("σ")))
	fmt.Printf("%q %q %q\n", bytes.Trim([]byte("xxhixx"), "x"), bytes.Trim([]byte("xxx"), "x"), bytes.Trim([]byte(" ¡¡hi!! "), " !¡"))
	fmt.Println(bytes.Trim([]byte("xxx"), "x") == nil, bytes.Trim([]byte(""), "") == nil)
	fmt.Printf("%s %s %s\n", bytes.TrimPrefix([]byte("prefix-x"), []byte("prefix-")), bytes.TrimSuffix([]byte("a.go"), []byte(".go")), bytes.TrimPrefix([]byte("abc"), []byte("x")))
	b := bytes.NewBuffer([]byte("start:"))
	b.WriteString("more")
	fmt.Println(b.String(), b.Len())
}
