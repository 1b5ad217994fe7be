package main

import "fmt"

func main() {
	s := []string{"a", "b", "c"}
	for i := range s {
		fmt.Print(i)
	}
	for _, v := range s {
		fmt.Print(v)
	}
	fmt.Println()
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		fmt.Print(i, v, " ")
	}
	fmt.Println(arr)
	sl := []int{1, 2, 3}
	for i, v := range sl {
		if i == 0 {
			sl[2] = 100
			sl = append(sl, 4)
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(sl))
	for i, r := range "gö!" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	m := map[int]int{1: 1, 2: 4, 3: 9}
	sum := 0
	for k, v := range m {
		sum += k * v
	}
	fmt.Println(sum)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for v := range ch {
		fmt.Print(v)
	}
	fmt.Println()
	var nilSlice []int
	for range nilSlice {
		fmt.Println("never")
	}
}
