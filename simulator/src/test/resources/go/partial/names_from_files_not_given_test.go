package p

import (
	"sync"
	"testing"
)

// declared in files of the package the simulator was not given
var sem = runtimeSemacquire

func (d *poolDequeue) pushHead(v any) bool { return d.push(v) }

func newChain() *poolChain { return &poolChain{} }

func TestCounter(t *testing.T) {
	var mu sync.Mutex
	n := 0
	done := make(chan bool)
	go func() { mu.Lock(); n++; mu.Unlock(); done <- true }()
	mu.Lock()
	n++
	mu.Unlock()
	<-done
}

func TestSemaphore(t *testing.T) {
	_ = sem
}

func TestChain(t *testing.T) {
	if newChain() == nil {
		t.Fatal("nil")
	}
}
