package kernels_test

import (
	"sync"
	"testing"
)

type view struct {
	mu   sync.RWMutex
	data []int
}

func (v *view) size() int {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.data == nil {
		return 0
	}
	return len(v.data)
}

func TestFatalRUnlockUnlocked(t *testing.T) {
	v := &view{}
	_ = v.size()
}
