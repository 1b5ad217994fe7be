package main

import "fmt"

type Named interface{ Name() string }
type P struct{}

func (P) Name() string { return "p" }

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", v)
	case string:
		return "string of " + fmt.Sprint(len(v))
	case []int:
		return fmt.Sprint("slice ", len(v))
	case Named:
		return "named " + v.Name()
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	for _, x := range []any{nil, 1, int64(2), "abc", []int{1}, P{}, fmt.Errorf("e"), 1.5} {
		fmt.Println(describe(x))
	}
	var i any = "hi"
	s, ok := i.(string)
	n, ok2 := i.(int)
	fmt.Println(s, ok, n, ok2)
	_, isNamed := i.(Named)
	fmt.Println(isNamed)
}
