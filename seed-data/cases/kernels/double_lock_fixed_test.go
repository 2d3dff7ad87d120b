package kernels_test

import (
	"sync"
	"testing"
)

type ledger struct {
	mu      sync.Mutex
	entries []int
}

// totalLocked expects l.mu to be held by the caller.
func (l *ledger) totalLocked() int {
	s := 0
	for _, e := range l.entries {
		s += e
	}
	return s
}

func (l *ledger) total() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.totalLocked()
}

func (l *ledger) addChecked(v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.totalLocked()+v < 0 {
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
