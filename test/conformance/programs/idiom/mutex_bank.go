package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < n {
		return false
	}
	a.balance -= n
	return true
}

func main() {
	acct := &Account{balance: 100}
	var wg sync.WaitGroup
	var okCount int
	var okMu sync.Mutex
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if acct.Withdraw(10) {
				okMu.Lock()
				okCount++
				okMu.Unlock()
			}
		}()
	}
	wg.Wait()
	acct.Deposit(5)
	fmt.Println(okCount, acct.balance)
}
