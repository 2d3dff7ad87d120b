package kernels_test

import "testing"

type notifier struct{ ready chan struct{} }

func TestNilChanReceive(t *testing.T) {
	n := &notifier{ready: make(chan struct{})}
	go func() {
		if n.ready != nil {
			close(n.ready)
		}
	}()
	<-n.ready
}
