package main

func main() {
	var arr [3]int
	arr[5] = 1
	s := []int{1, 2}
	_ = s[-1]
	const str = "abc"
	_ = str[10]
	_ = arr[1.5]
}
