package ledger

import (
	"sync"
	"testing"
	"time"
)

type Account struct {
	mu      sync.Mutex
	ID      string
	Balance int64
}

type Ledger struct{}

func (l *Ledger) Transfer(from, to *Account, amount int64) {
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(time.Millisecond) // audit write
	to.mu.Lock()
	defer to.mu.Unlock()
	from.Balance -= amount
	to.Balance += amount
}

func TestConcurrentTransfers(t *testing.T) {
	a := &Account{ID: "alice", Balance: 100}
	b := &Account{ID: "bob", Balance: 100}
	l := &Ledger{}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); l.Transfer(a, b, 1) }()
		go func() { defer wg.Done(); l.Transfer(b, a, 1) }()
	}
	wg.Wait()
}
