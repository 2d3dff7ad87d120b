package kernels_test

import (
	"sync"
	"testing"
)

// Mutex misuse: a helper unlocks a mutex its caller already unlocked.
type gate struct{ mu sync.Mutex }

func (g *gate) release() { g.mu.Unlock() }

func TestFatalUnlockUnlocked(t *testing.T) {
	g := &gate{}
	g.mu.Lock()
	g.mu.Unlock()
	g.release()
}
