package kernels_test

import (
	"sync"
	"testing"
)

type gate struct{ mu sync.Mutex }

func (g *gate) release() { g.mu.Unlock() }

func TestFatalUnlockUnlocked(t *testing.T) {
	g := &gate{}
	g.mu.Lock()
	g.release() // exactly one unlock per lock
}
