package kernels_test

import (
	"sync"
	"testing"
	"time"
)

type hub struct {
	mu     sync.Mutex
	events chan string
	seen   int
}

func (h *hub) publish(e string) {
	h.events <- e // no lock is needed to send
}

func (h *hub) consumeOne() string {
	e := <-h.events // receive first, then lock only around the shared counter
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen++
	return e
}

func TestChanLock(t *testing.T) {
	h := &hub{events: make(chan string)}
	go h.publish("a")
	time.Sleep(20 * time.Millisecond)
	if h.consumeOne() != "a" {
		t.Fatal("wrong event")
	}
}
