package kernels_test

import (
	"sync"
	"testing"
)

// Double locking: a locked method calls another method that takes the same
// non-reentrant mutex.
type ledger struct {
	mu      sync.Mutex
	entries []int
}

func (l *ledger) total() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := 0
	for _, e := range l.entries {
		s += e
	}
	return s
}

func (l *ledger) addChecked(v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.total()+v < 0 { // takes l.mu again: blocks forever
		return
	}
	l.entries = append(l.entries, v)
}

func TestDoubleLock(t *testing.T) {
	l := &ledger{}
	l.addChecked(5)
	if l.total() != 5 {
		t.Fatal("wrong total")
	}
}
