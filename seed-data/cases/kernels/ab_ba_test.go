package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// AB-BA: two goroutines take the same two locks in opposite orders.
type account struct {
	mu  sync.Mutex
	bal int
}

func transfer(from, to *account, n int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(20 * time.Millisecond) // widen the window
	to.mu.Lock()
	defer to.mu.Unlock()
	from.bal -= n
	to.bal += n
}

func TestABBA(t *testing.T) {
	a, b := &account{bal: 10}, &account{bal: 10}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); transfer(a, b, 1) }()
	go func() { defer wg.Done(); transfer(b, a, 1) }()
	wg.Wait()
}
