package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

type State int

const (
	Idle State = iota
	Running
	Done
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return "done"
}

type Base struct{ ID int }

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) GetID() int    { return b.ID }

type Job struct {
	Base
	Name string
	deps []*Job
}

type Runner interface {
	Run(ctx context.Context) error
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "code " + strconv.Itoa(e.Code) }

func (j *Job) Run(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(10 * time.Millisecond):
	}
	if j.Name == "" {
		return &MyErr{Code: 3}
	}
	return nil
}

var counter int64
var total = compute()

func compute() int { return len(names) * 2 }

var names = []string{"a", "b"}

func divmod(a, b int) (q, r int) {
	defer func() {
		if rec := recover(); rec != nil {
			q, r = 0, 0
		}
	}()
	q = a / b
	r = a % b
	return
}

func sum(xs ...int) (t int) {
	for _, x := range xs {
		t += x
	}
	return t
}

func producer(ch chan<- int, n int) {
	defer close(ch)
	for i := range n {
		ch <- i
	}
}

func main() {
	var wg sync.WaitGroup
	var mu sync.RWMutex
	var hits atomic.Int32
	m := map[string]int{}
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			m[fmt.Sprint(id)]++
			mu.Unlock()
			hits.Add(1)
			atomic.AddInt64(&counter, 1)
		}(i)
	}
	wg.Wait()
	mu.RLock()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	mu.RUnlock()
	sort.Strings(keys)
	slices.Sort(keys)
	fmt.Println(keys, hits.Load(), atomic.LoadInt64(&counter), total)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	j := &Job{Name: "x"}
	j.SetID(4)
	var r Runner = j
	if err := r.Run(ctx); err != nil {
		var me *MyErr
		if errors.As(err, &me) {
			fmt.Println(me.Code)
		}
	}
	fmt.Println(j.GetID(), j.ID, j.Base.ID)
	ch := make(chan int)
	go producer(ch, 3)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	q, rem := divmod(7, 2)
	fmt.Println(q, rem, sum(1, 2, 3), sum([]int{4, 5}...))
	var s State = Running
	fmt.Printf("%v %d %T\n", s, s, s)
	x := 3.5
	fmt.Println(math.Floor(x), math.MaxInt64, math.Pi*2, int(x))
	b := []byte("héllo")
	rs := []rune("héllo")
	fmt.Println(len(b), len(rs), utf8.RuneCountInString("héllo"), string(rs[1]), string(b[:2]))
	for i, c := range "hé" {
		fmt.Println(i, c, unicode.IsLetter(c))
	}
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	fmt.Fprintln(os.Stderr, sb.String(), strings.ToUpper("abc"))
	n, err := strconv.Atoi("42")
	fmt.Println(n+1, err)
	ints := []int{3, 1, 2}
	fmt.Println(slices.Max(ints), slices.Contains(ints, 2), slices.Index(ints, 1), cmp.Compare(1, 2), min(3, 1, 2), max(2.5, 1))
	m2 := maps.Clone(m)
	delete(m2, "0")
	clear(m2)
	type pair struct {
		a, b int
	}
	ps := []pair{{1, 2}, {3, 4}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].a > ps[j].a })
	pp := []*pair{{5, 6}}
	fmt.Println(ps, pp[0].b, rand.Intn(10) < 10, runtime.NumGoroutine() > 0)
	var iface any = ps[0]
	switch v := iface.(type) {
	case pair:
		fmt.Println(v.a)
	case nil:
		fmt.Println("nil")
	default:
		_ = v
	}
	if p, ok := iface.(pair); ok {
		fmt.Println(p.b)
	}
	timer := time.NewTimer(time.Second)
	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	start := time.Now()
loop:
	for {
		select {
		case t := <-ticker.C:
			_ = t
			break loop
		case <-timer.C:
			continue loop
		}
	}
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 0, elapsed.Milliseconds(), time.Duration(1500)*time.Microsecond)
	var once sync.Once
	cond := sync.NewCond(&sync.Mutex{})
	once.Do(func() { cond.L.Lock(); cond.Broadcast(); cond.L.Unlock() })
	arr := [...]int{1, 2, 3}
	pa := &arr
	for i, v := range pa {
		pa[i] = v * 2
	}
	sl := arr[1:]
	fmt.Println(len(arr), cap(sl), arr, sl[0], pa[2])
	const big = 1 << 62
	var u8 uint8 = 255
	u8++
	f32 := float32(1) / 3
	var c128 complex128 = complex(1, 2)
	fmt.Println(big>>60, u8, f32, real(c128), imag(c128), 7/2, 7.0/2, 1<<3|1, ^0, -7%3)
	e1 := errors.New("a")
	e2 := fmt.Errorf("wrap: %w", e1)
	fmt.Println(errors.Is(e2, e1), errors.Unwrap(e2) == e1)
	var fn func(int) int
	fn = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fn(n-1)
	}
	fmt.Println(fn(5), strings.Repeat("-", 3), strings.Fields(" a b "), strings.Split("a,b", ","))
	var np *Job
	fmt.Println(np == nil, iface != nil, s == Running, Done)
	done := make(chan struct{})
	go func() { close(done) }()
	<-done
	var rw sync.Mutex
	rw.Lock()
	defer rw.Unlock()
	goto end
end:
	fmt.Println("end")
	os.Exit(0)
}
