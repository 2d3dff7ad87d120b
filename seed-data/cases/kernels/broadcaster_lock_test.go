package kernels_test

import (
	"sync"
	"testing"
	"time"
)

// Event broadcaster: publish holds the registry lock while it hands an event
// to every subscriber over the subscriber's unbuffered channel, and each
// subscriber takes that same lock to record the event before it receives the
// next one. It only hangs when a publish grabs the lock while a subscriber is
// still on its way to it (a slow subscriber, a loaded machine): with events
// spaced 10 ms apart that almost never happens, so go test passes.

type event struct {
	seq   int
	topic string
}

type subscriber struct {
	id     int
	events chan event
}

type broker struct {
	mu   sync.Mutex
	subs []*subscriber
	last map[int]int // subscriber id -> seq of the last event it recorded
}

func newBroker() *broker {
	return &broker{last: map[int]int{}}
}

func (b *broker) subscribe() *subscriber {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := &subscriber{id: len(b.subs) + 1, events: make(chan event)}
	b.subs = append(b.subs, s)
	return s
}

func (b *broker) publish(e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		s.events <- e // BUG: waits for the subscriber while holding b.mu
	}
}

func (b *broker) record(s *subscriber, e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last[s.id] = e.seq
}

func (b *broker) shutdown() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		close(s.events)
	}
	b.subs = nil
}

func (b *broker) listen(s *subscriber, wg *sync.WaitGroup) {
	defer wg.Done()
	for e := range s.events {
		b.record(s, e) // takes b.mu before the next receive
	}
}

func TestBroadcasterLock(t *testing.T) {
	b := newBroker()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		s := b.subscribe()
		wg.Add(1)
		go b.listen(s, &wg)
	}
	for i := 1; i <= 5; i++ {
		b.publish(event{seq: i, topic: "orders"})
		time.Sleep(10 * time.Millisecond) // events arrive spaced out
	}
	b.shutdown()
	wg.Wait()
	for id := 1; id <= 3; id++ {
		if b.last[id] != 5 {
			t.Fatalf("subscriber %d recorded event %d, want 5", id, b.last[id])
		}
	}
}
