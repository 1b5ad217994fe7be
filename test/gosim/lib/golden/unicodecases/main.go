// Records real unicode/strconv rune classes and case mappings over a range of runes; the
// test compares gosim's (JS Unicode property) answers. Predicates are one '0'/'1' per rune,
// mappings list only the runes they change.
package main

import (
	"encoding/json"
	"os"
	"strconv"
	"unicode"
)

func runes() []rune {
	var rs []rune
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			rs = append(rs, r)
		}
	}
	add(0, 0x33ff)
	add(0xa000, 0xa7ff)
	add(0xfb00, 0xffff)
	add(0x10000, 0x104ff)
	add(0x1d400, 0x1d7ff)
	add(0x1e900, 0x1e95f)
	add(0x1f000, 0x1faff)
	add(0xe0000, 0xe01ff)
	return rs
}

func main() {
	rs := runes()
	preds := map[string]func(rune) bool{
		"IsUpper": unicode.IsUpper, "IsLower": unicode.IsLower, "IsDigit": unicode.IsDigit, "IsNumber": unicode.IsNumber,
		"IsLetter": unicode.IsLetter, "IsSpace": unicode.IsSpace, "IsPunct": unicode.IsPunct, "IsPrint": unicode.IsPrint,
		"IsControl": unicode.IsControl, "strconv.IsPrint": strconv.IsPrint, "strconv.IsGraphic": strconv.IsGraphic,
	}
	maps := map[string]func(rune) rune{"ToUpper": unicode.ToUpper, "ToLower": unicode.ToLower, "ToTitle": unicode.ToTitle}
	out := map[string]any{}
	out["runes"] = [][2]rune{{0, 0x33ff}, {0xa000, 0xa7ff}, {0xfb00, 0xffff}, {0x10000, 0x104ff}, {0x1d400, 0x1d7ff}, {0x1e900, 0x1e95f}, {0x1f000, 0x1faff}, {0xe0000, 0xe01ff}}
	for name, f := range preds {
		b := make([]byte, len(rs))
		for i, r := range rs {
			b[i] = '0'
			if f(r) {
				b[i] = '1'
			}
		}
		out[name] = string(b)
	}
	for name, f := range maps {
		var changed [][2]rune
		for _, r := range rs {
			if m := f(r); m != r {
				changed = append(changed, [2]rune{r, m})
			}
		}
		out[name] = changed
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
