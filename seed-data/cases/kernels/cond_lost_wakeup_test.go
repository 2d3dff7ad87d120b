package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// Condition variable: Signal happens before the waiter starts waiting and no
// predicate records it, so the wake-up is lost.
func TestCondLostWakeup(t *testing.T) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		c.Signal() // nobody waits yet
		mu.Unlock()
	}()
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	c.Wait() // waits for a signal that already happened
	mu.Unlock()
}
