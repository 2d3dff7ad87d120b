package kernels_test

import (
	"sync"
	"testing"
)

type registry struct {
	mu    sync.RWMutex
	names map[string]bool
}

func (r *registry) ensure(name string) {
	r.mu.RLock()
	ok := r.names[name]
	r.mu.RUnlock()
	if ok {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names[name] = true // setting twice is harmless, so no second check is needed
}

func TestRLockUpgrade(t *testing.T) {
	r := &registry{names: map[string]bool{}}
	r.ensure("x")
	r.ensure("x")
}
