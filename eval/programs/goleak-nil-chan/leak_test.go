// A watcher reads from a channel field that was never created.
package leak

import (
	"testing"

	"go.uber.org/goleak"
)

type watcher struct{ events chan string }

func (w *watcher) run() {
	for e := range w.events {
		_ = e
	}
}

func TestWatcher(t *testing.T) {
	defer goleak.VerifyNone(t)
	w := &watcher{}
	go w.run()
}
