package kernels_test

import (
	"sync"
	"testing"
)

// RWMutex misuse: RUnlock without a matching RLock.
type view struct {
	mu   sync.RWMutex
	data []int
}

func (v *view) size() int {
	if v.data == nil {
		v.mu.RUnlock() // released without having been taken
		return 0
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	return len(v.data)
}

func TestFatalRUnlockUnlocked(t *testing.T) {
	v := &view{}
	_ = v.size()
}
