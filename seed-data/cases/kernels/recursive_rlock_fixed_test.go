package kernels_test

import (
	"sync"
	"testing"
	"time"
)

type table struct {
	mu   sync.RWMutex
	rows map[string]int
}

func (tb *table) sum(keys ...string) int {
	tb.mu.RLock()
	defer tb.mu.RUnlock()
	time.Sleep(50 * time.Millisecond)
	s := 0
	for _, k := range keys {
		s += tb.rows[k] // read directly: the read lock is already held
	}
	return s
}

func TestRecursiveRLock(t *testing.T) {
	tb := &table{rows: map[string]int{"a": 1}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		time.Sleep(time.Millisecond)
		tb.mu.Lock()
		tb.rows["b"] = 2
		tb.mu.Unlock()
	}()
	_ = tb.sum("a", "b")
	<-done
}
