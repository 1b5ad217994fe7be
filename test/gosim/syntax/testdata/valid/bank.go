package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type Kind uint8

const (
	Deposit Kind = iota + 1
	Withdraw
	_
	Transfer
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

var (
	ErrFunds      = errors.New("insufficient funds")
	counter int64 = 0
	names         = [...]string{Deposit: "dep", Withdraw: "wd", Transfer: "tr"}
)

type Account struct {
	mu      sync.Mutex
	balance int
	history []Op
}

type Op struct {
	Kind   Kind
	Amount int
}

type Ledger interface {
	Apply(op Op) error
	fmt.Stringer
}

func (k Kind) String() string {
	switch k {
	case Deposit:
		return "deposit"
	case Withdraw, Transfer:
		return "out"
	}
	return fmt.Sprint(uint8(k))
}

func (a *Account) Apply(op Op) (err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	defer func() {
		if err == nil {
			a.history = append(a.history, op)
		}
	}()
	switch op.Kind {
	case Deposit:
		a.balance += op.Amount
	case Withdraw:
		if a.balance < op.Amount {
			return fmt.Errorf("withdraw %d: %w", op.Amount, ErrFunds)
		}
		a.balance -= op.Amount
	default:
		goto bad
	}
	atomic.AddInt64(&counter, 1)
	return nil
bad:
	return errors.New("bad op")
}

func (a *Account) String() string {
	var b strings.Builder
	for i, h := range a.history {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%v:%d", h.Kind, h.Amount)
	}
	return b.String()
}

func apply[T Ledger](l T, ops ...Op) []error {
	var errs []error
	for _, op := range ops {
		if err := l.Apply(op); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func main() {
	acct := &Account{}
	var l Ledger = acct
	var wg sync.WaitGroup
	results := make([][]error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = apply(l, Op{Deposit, 10 * (i + 1)}, Op{Kind: Withdraw, Amount: 25})
		}()
	}
	wg.Wait()
	keys := make([]int, 0, len(results))
	for k := range results {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] > keys[j] })
	n := 0
	for _, errs := range results {
		for _, e := range errs {
			if errors.Is(e, ErrFunds) {
				n++
			}
		}
	}
	arr := [3]float64{1.5, 2.5e-1, .5}
	sl := arr[:]
	fmt.Println(n, len(sl), atomic.LoadInt64(&counter), KB, MB, names[Deposit], 'x', "\u00e9\t\"q\"", `a\b`)
	x := struct {
		A, B int
	}{1, 2}
	p := &x
	p.A, p.B = p.B, p.A
	var fn func(int) (int, bool)
	fn = func(v int) (int, bool) { return v * 2, v > 0 }
	if v, ok := fn(3); ok && v%2 == 0 || !ok {
		fmt.Println(v, *p, l)
	}
	ch := make(chan func() int, 1)
	ch <- func() int { return 42 }
	fmt.Println((<-ch)())
	var m = map[[2]int]*Account{{1, 2}: acct}
	delete(m, [2]int{1, 2})
	type local struct{ n int }
	_ = local{n: len(m)}
}
