package kernels_test

import (
	"sync"
	"testing"
)

type worker struct {
	quit     chan struct{}
	stopOnce sync.Once
}

// Stop may be called any number of times.
func (w *worker) Stop() { w.stopOnce.Do(func() { close(w.quit) }) }

func TestPanicCloseClosed(t *testing.T) {
	w := &worker{quit: make(chan struct{})}
	w.Stop()
	w.Stop()
}
