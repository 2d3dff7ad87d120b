package account

import (
	"sync"
	"testing"
)

type Account struct {
	mu      sync.Mutex
	balance int
	history []int
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.Balance() < n {
		return false
	}
	a.balance -= n
	a.history = append(a.history, -n)
	return true
}

func TestWithdraw(t *testing.T) {
	a := &Account{balance: 100}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.Withdraw(10)
		}()
	}
	wg.Wait()
}
