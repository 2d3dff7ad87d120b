package kernels_test

import (
	"sync"
	"testing"
	"time"
)

func TestCondLostWakeup(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false // the predicate remembers the event
	go func() {
		mu.Lock()
		ready = true
		c.Signal()
		mu.Unlock()
	}()
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	for !ready {
		c.Wait()
	}
	mu.Unlock()
}
