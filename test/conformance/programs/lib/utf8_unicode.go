package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.ValidString("\xff"))
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size)
	r, size = utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), size)
	r, size = utf8.DecodeRuneInString("\xffabc")
	fmt.Println(r == utf8.RuneError, size)
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'))
	buf := utf8.AppendRune(nil, '界')
	fmt.Println(buf, utf8.RuneCount(buf))
	fmt.Println(unicode.IsUpper('A'), unicode.IsLetter('é'), unicode.IsDigit('٣'), unicode.IsSpace('\t'), unicode.IsPunct('!'))
	fmt.Println(string(unicode.ToUpper('ß')), string(unicode.ToLower('Ä')), string(unicode.ToUpper('ö')))
}
