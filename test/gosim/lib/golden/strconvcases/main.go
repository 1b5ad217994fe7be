// Records real strconv's results for the inputs below; test/gosim/lib/strconv.test.ts replays
// them. Each record: the function, its inputs (strings as hex, floats as IEEE bits), and the
// result printed as "value|error" in hex.
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
)

type rec struct {
	Fn  string   `json:"fn"`
	In  []string `json:"in"`
	Out string   `json:"out"`
}

var out []rec

func add(fn string, in []string, result string) {
	out = append(out, rec{fn, in, hex.EncodeToString([]byte(result))})
}

func h(s string) string { return hex.EncodeToString([]byte(s)) }

func res(v any, err error) string {
	if err != nil {
		return fmt.Sprint(v) + "|" + err.Error()
	}
	return fmt.Sprint(v) + "|"
}

func main() {
	ints := []string{"0", "42", "-42", "+7", "", "-", "+", "x", "12a", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809", "99999999999999999999", "99999999999999999999x", "1_000",
		"0x1F", "0b101", "0o17", "017", "0X_1f", "_1", "1__0", "1_", "123456789012345678", "-0", "٣"}
	for _, s := range ints {
		v, err := strconv.Atoi(s)
		add("Atoi", []string{h(s)}, res(v, err))
		for _, base := range []int{0, 2, 16, 36, 1} {
			for _, bits := range []int{0, 8, 64, 65} {
				v, err := strconv.ParseInt(s, base, bits)
				add("ParseInt", []string{h(s), fmt.Sprint(base), fmt.Sprint(bits)}, res(v, err))
				u, err := strconv.ParseUint(s, base, bits)
				add("ParseUint", []string{h(s), fmt.Sprint(base), fmt.Sprint(bits)}, res(u, err))
			}
		}
	}
	floatsIn := []string{"0", "1", "-1.5", "3.14159", "1e10", "1E-7", ".5", "5.", "1e400", "-1e400", "1e-400", "inf", "+Inf",
		"-infinity", "NaN", "nan", "+nan", "0x1p-2", "0x1.8p1", "0x1.8", "1_000.5", "0x_1p0", "abc", "", "1e", "1.2.3",
		"3.4028235e38", "3.5e38", "4.9e-324", "2.2250738585072014e-308", "0.1", "1_0", "+.e1"}
	for _, s := range floatsIn {
		for _, bits := range []int{32, 64} {
			v, err := strconv.ParseFloat(s, bits)
			add("ParseFloat", []string{h(s), fmt.Sprint(bits)}, res(strconv.FormatFloat(v, 'g', -1, bits), err))
		}
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", "tRUE", ""} {
		v, err := strconv.ParseBool(s)
		add("ParseBool", []string{h(s)}, res(v, err))
	}
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 2.5, 1.005, 123456789, 1e21, 1e20, 1e-7, 1e-5, 1e-4, 5e-324,
		math.MaxFloat64, math.SmallestNonzeroFloat64 * 3, 2.2250738585072014e-308, math.Pi, -math.E, 1.0 / 3, 2.0 / 3, 100,
		1e6, 999999.5, 0.000123456, 9.999999e22, 1e23, math.Inf(1), math.Inf(-1), math.NaN(), float64(float32(0.1)), 16777217,
		123.456, 0.015, 0.025, 7.0e-10, 4503599627370496.5, 9007199254740993}
	for _, f := range fs {
		for _, fm := range []byte{'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X', 'q'} {
			for _, prec := range []int{-1, 0, 1, 3, 6, 17, 25} {
				for _, bits := range []int{32, 64} {
					s := strconv.FormatFloat(f, fm, prec, bits)
					add("FormatFloat", []string{fmt.Sprintf("%016x", math.Float64bits(f)), string(fm), fmt.Sprint(prec), fmt.Sprint(bits)}, s)
				}
			}
		}
	}
	for _, i := range []int64{0, 1, -1, 255, -255, math.MaxInt64, math.MinInt64, 1234567890} {
		for _, base := range []int{2, 8, 10, 16, 36} {
			add("FormatInt", []string{fmt.Sprint(i), fmt.Sprint(base)}, strconv.FormatInt(i, base))
		}
		add("Itoa", []string{fmt.Sprint(i)}, strconv.Itoa(int(i)))
	}
	qs := []string{"", "hi", "a\"b", "back\\slash", "tab\t nl\n cr\r", "\a\b\f\v", "\x00\x01\x1f\x7f", "\xff\xfe", "héllo",
		"日本語", "\u00ad", "\u200b", "\U0001F600", "\ufeff", "\u2028", "a'b", "`", "\xe2\x82", "\u0378", "\U000E0001", " \u00a0 "}
	for _, s := range qs {
		add("Quote", []string{h(s)}, strconv.Quote(s))
		add("QuoteToASCII", []string{h(s)}, strconv.QuoteToASCII(s))
		add("CanBackquote", []string{h(s)}, fmt.Sprint(strconv.CanBackquote(s)))
	}
	for _, r := range []rune{'a', '\'', '"', '\n', 0, 0x7f, 0xe9, 0x65e5, 0x1F600, -1, 0xD800, 0x110000, 0xad, 0x2028} {
		add("QuoteRune", []string{fmt.Sprint(r)}, strconv.QuoteRune(r))
		add("QuoteRuneToASCII", []string{fmt.Sprint(r)}, strconv.QuoteRuneToASCII(r))
		add("IsPrint", []string{fmt.Sprint(r)}, fmt.Sprint(strconv.IsPrint(r)))
	}
	uq := []string{`"abc"`, `"a\nb"`, `"\x41\101\u00e9\U0001F600"`, "`raw\\n`", "`a\rb`", `'a'`, `'ab'`, `'\''`, `"\'"`, `'"'`,
		`"unterminated`, `abc`, `""`, `''`, `"\400"`, `"\ud800"`, `"a"b"`, "\"\xff\"", `"é"`, `'é'`, "\"a\nb\"", `"\q"`, "``", "`a`b`"}
	for _, s := range uq {
		v, err := strconv.Unquote(s)
		add("Unquote", []string{h(s)}, res(h(v), err))
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
