package kernels_test

import "testing"

// A channel field that was never made: receiving from nil blocks forever.
type notifier struct{ ready chan struct{} }

func TestNilChanReceive(t *testing.T) {
	n := &notifier{}
	go func() {
		if n.ready != nil {
			close(n.ready)
		}
	}()
	<-n.ready
}
