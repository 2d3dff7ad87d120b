// A background refresher is started but nothing keeps its stop channel.
package leak

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

type refresher struct{ stop chan struct{} }

func startRefresher() {
	r := &refresher{stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			select {
			case <-t.C:
			case <-r.stop:
				return
			}
		}
	}()
	// r is dropped here: nobody can close r.stop
}

func TestRefresher(t *testing.T) {
	defer goleak.VerifyNone(t)
	startRefresher()
}
