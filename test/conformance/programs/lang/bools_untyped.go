package main

import "fmt"

const Pi = 3.14159
const Big = 1 << 62
const Name = "gopher"

type Celsius float64

func main() {
	var t Celsius = 100
	var half = Pi / 2
	fmt.Println(t*Pi, half)
	var i int = Big >> 60
	var f float32 = Big
	fmt.Println(i, f)
	ok := true && !false || false
	fmt.Println(ok, 3 > 2 == true)
	fmt.Printf("%T %T %T %T\n", 1, 1.0, 'a', Name)
	const x = 10 / 4
	const y = 10 / 4.0
	fmt.Println(x, y)
}
