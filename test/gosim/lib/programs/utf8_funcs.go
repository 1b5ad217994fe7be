package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	for _, s := range []string{"", "a", "é", "世界", "\xff", "a\xe2\x82", "\xf0\x9f\x98\x80!", "\xed\xa0\x80", "\xc0\xaf"} {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		fmt.Printf("%q count=%d valid=%v first=%U/%d last=%U/%d\n", s, utf8.RuneCountInString(s), utf8.ValidString(s), r, n, lr, ln)
	}
	for _, r := range []rune{0, 'a', 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, 0xd800} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		fmt.Println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, buf[:n], utf8.AppendRune([]byte("x"), r))
	}
	b := []byte("héllo")
	r, size := utf8.DecodeRune(b[1:])
	fmt.Println(utf8.RuneCount(b), utf8.Valid(b), string(r), size, utf8.RuneError, utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune)
	defer func() { fmt.Println("recovered:", recover()) }()
	utf8.EncodeRune(make([]byte, 1), '世')
}
