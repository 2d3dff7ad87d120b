package kernels_test

import (
	"errors"
	"sync"
	"testing"
)

type quota struct {
	mu   sync.Mutex
	left int
}

func (q *quota) take() error {
	q.mu.Lock()
	defer q.mu.Unlock() // every path unlocks
	if q.left == 0 {
		return errors.New("exhausted")
	}
	q.left--
	return nil
}

func TestMissingUnlock(t *testing.T) {
	q := &quota{left: 1}
	_ = q.take()
	_ = q.take()
	_ = q.take()
}
