package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	fmt.Printf("%q\n", slices.Collect(strings.Lines("one\ntwo\n\nthree")))
	fmt.Printf("%q\n", slices.Collect(strings.Lines("a\n")))
	fmt.Printf("%q\n", slices.Collect(strings.Lines("")))
	fmt.Printf("%q\n", slices.Collect(strings.SplitSeq("a,b,,c", ",")))
	fmt.Printf("%q\n", slices.Collect(strings.SplitSeq("héllo", "")))
	fmt.Printf("%q\n", slices.Collect(strings.SplitSeq("", ",")))
	fmt.Printf("%q\n", slices.Collect(strings.SplitSeq("", "")))
	fmt.Printf("%q\n", slices.Collect(strings.SplitAfterSeq("a,b,c", ",")))
	fmt.Printf("%q\n", slices.Collect(strings.FieldsSeq("  the quick\tbrown  fox \n")))
	fmt.Println(slices.Sorted(strings.FieldsSeq("pear apple fig")))
	n := 0
	strings.SplitSeq("1 2 3 4 5", " ")(func(s string) bool {
		n++
		fmt.Print(s, ";")
		return s != "3"
	})
	fmt.Println(n)
}
