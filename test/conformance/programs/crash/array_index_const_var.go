package main

func get(a [4]int, i int) int { return a[i] }

func main() {
	var a [4]int
	println(get(a, 4))
}
