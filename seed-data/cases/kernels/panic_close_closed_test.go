package kernels_test

import "testing"

// Channel misuse: Stop closes the quit channel every time it is called.
type worker struct{ quit chan struct{} }

func (w *worker) Stop() { close(w.quit) }

func TestPanicCloseClosed(t *testing.T) {
	w := &worker{quit: make(chan struct{})}
	w.Stop()
	w.Stop()
}
