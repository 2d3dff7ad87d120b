package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// RWR: a reader re-enters RLock while a writer is queued; the queued writer
// blocks new readers and waits for the first read lock to be released.
type table struct {
	mu   sync.RWMutex
	rows map[string]int
}

func (tb *table) get(k string) int {
	tb.mu.RLock()
	defer tb.mu.RUnlock()
	return tb.rows[k]
}

func (tb *table) sum(keys ...string) int {
	tb.mu.RLock()
	defer tb.mu.RUnlock()
	time.Sleep(50 * time.Millisecond) // a writer arrives meanwhile
	s := 0
	for _, k := range keys {
		s += tb.get(k)
	}
	return s
}

func TestRecursiveRLock(t *testing.T) {
	tb := &table{rows: map[string]int{"a": 1}}
	go func() {
		time.Sleep(time.Millisecond)
		tb.mu.Lock()
		tb.rows["b"] = 2
		tb.mu.Unlock()
	}()
	_ = tb.sum("a", "b")
}
