package kernels_test

import (
	"sync"
	"testing"
)

// Upgrading a read lock to a write lock in place deadlocks on itself.
type registry struct {
	mu    sync.RWMutex
	names map[string]bool
}

func (r *registry) ensure(name string) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if !r.names[name] {
		r.mu.Lock()
		r.names[name] = true
		r.mu.Unlock()
	}
}

func TestRLockUpgrade(t *testing.T) {
	r := &registry{names: map[string]bool{}}
	r.ensure("x")
}
