package kernels_test

import (
	"errors"
	"sync"
	"testing"
)

// An early return leaves the mutex locked; the next caller blocks forever.
type quota struct {
	mu   sync.Mutex
	left int
}

func (q *quota) take() error {
	q.mu.Lock()
	if q.left == 0 {
		return errors.New("exhausted") // Unlock is skipped on this path
	}
	q.left--
	q.mu.Unlock()
	return nil
}

func TestMissingUnlock(t *testing.T) {
	q := &quota{left: 1}
	_ = q.take()
	_ = q.take()
	_ = q.take() // blocks: the previous call returned with the lock held
}
