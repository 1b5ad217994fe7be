package main

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}, {"Finn", 30}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	big := make([]Person, 0)
	for i := 0; i < 40; i++ {
		big = append(big, Person{fmt.Sprint("p", i), (i * 7) % 5})
	}
	sort.SliceStable(big, func(i, j int) bool { return big[i].Age < big[j].Age })
	fmt.Println(big)
	sort.Stable(ByAge(big))
	fmt.Println(big[:5])
	ps := []Person{{"Zed", 3}, {"Amy", 1}, {"Kim", 2}}
	sort.Sort(ByAge(ps))
	fmt.Println(ps)
	sort.Sort(sort.Reverse(ByAge(ps)))
	fmt.Println(ps)
	ints := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(ints)
	fmt.Println(ints, sort.SearchInts(ints, 8), sort.IntsAreSorted(ints))
	fs := []float64{2.5, math.NaN(), -1, math.Inf(1), 0}
	sort.Float64s(fs)
	fmt.Println(fs)
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(idx)
	xs := []int{3, 1, 4, 1, 5, 9, 2, 6}
	slices.Sort(xs)
	fmt.Println(xs, slices.Contains(xs, 9), slices.Index(xs, 4), slices.Max(xs), slices.Min(xs))
	pos, found := slices.BinarySearch(xs, 5)
	fmt.Println(pos, found)
	xs = slices.Compact(xs)
	fmt.Println(xs, len(xs))
	xs = slices.Insert(xs, 1, 100, 200)
	fmt.Println(xs)
	xs = slices.Delete(xs, 0, 2)
	fmt.Println(xs)
	slices.Reverse(xs)
	fmt.Println(xs, slices.Equal(xs, slices.Clone(xs)))
	slices.SortFunc(people, func(a, b Person) int { return cmp.Compare(a.Name, b.Name) })
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(b.Age, a.Age) })
	fmt.Println(people)
	oldest := slices.MaxFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(oldest, slices.IndexFunc(people, func(p Person) bool { return p.Age < 30 }))
	m := map[string]int{"a": 1, "b": 2}
	c := maps.Clone(m)
	c["c"] = 3
	fmt.Println(m, c, maps.Equal(m, c))
	maps.DeleteFunc(c, func(k string, v int) bool { return v%2 == 1 })
	fmt.Println(c)
	maps.Copy(c, map[string]int{"z": 26})
	fmt.Println(c, cmp.Compare(2, 1), cmp.Less("a", "b"), cmp.Or(0, 0, 7, 8), cmp.Or("", "x"))
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Pow(1.5, 3), math.Floor(-2.5), math.Ceil(2.1), math.Round(-2.5), math.Round(2.5))
	fmt.Println(math.Trunc(-2.7), math.Abs(-3), math.Max(3, 7), math.Min(3, 7), math.Mod(7, 3), math.Inf(1), -math.Inf(1), math.NaN())
	fmt.Println(math.Hypot(3, 4), math.Log(math.E), math.Log2(8), math.Log10(1000), math.Log10(0.001), math.Log2(10), math.Cbrt(27), math.Pow(10, -3), math.Pow(-2, 5))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.Pi, math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1))
	fmt.Printf("%.4f %.4f %.4f %.4f\n", math.Sin(1), math.Cos(1), math.Atan(1), math.Atan2(1, 2))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(slices.Max([]int{}))
}
