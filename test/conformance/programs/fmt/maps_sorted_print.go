package main

import "fmt"

type K struct {
	A int
	B string
}

func main() {
	fmt.Println(map[int]string{3: "c", -1: "z", 10: "j", 2: "b"})
	fmt.Println(map[string]int{"banana": 2, "apple": 1, "Cherry": 3, "": 0})
	fmt.Println(map[float64]bool{2.5: true, -1: false, 0: true})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[K]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[rune]int{'b': 1, 'a': 2})
	fmt.Printf("%v %d\n", map[string]int{"y": 1, "x": 2}, map[string]int{"y": 1, "x": 2})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 9}: "y"})
	fmt.Println(map[any]int{"b": 1, 2: 2, "a": 3, 1: 4, 1.5: 5})
}
