package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// Channel + lock: the producer sends while holding the mutex; the consumer
// takes the same mutex before it receives.
type hub struct {
	mu     sync.Mutex
	events chan string
	seen   int
}

func (h *hub) publish(e string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events <- e // blocks while holding h.mu
}

func (h *hub) consumeOne() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seen++
	return <-h.events
}

func TestChanLock(t *testing.T) {
	h := &hub{events: make(chan string)}
	go h.publish("a")
	time.Sleep(20 * time.Millisecond) // the publisher holds the lock by now
	if h.consumeOne() != "a" {
		t.Fatal("wrong event")
	}
}
