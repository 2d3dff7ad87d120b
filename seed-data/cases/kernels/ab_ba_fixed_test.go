package kernels_test

import (
	"sync"
	"testing"
	"time"
)

type account struct {
	id  int
	mu  sync.Mutex
	bal int
}

// transfer always locks the account with the smaller id first.
func transfer(from, to *account, n int) {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	second.mu.Lock()
	defer second.mu.Unlock()
	from.bal -= n
	to.bal += n
}

func TestABBA(t *testing.T) {
	a, b := &account{id: 1, bal: 10}, &account{id: 2, bal: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); transfer(a, b, 1) }()
	go func() { defer wg.Done(); transfer(b, a, 1) }()
	wg.Wait()
	if a.bal != 10 || b.bal != 10 {
		t.Fatal("balances changed")
	}
}
