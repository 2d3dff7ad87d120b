package kernels_test

import (
	"sync"
	"testing"
	"time"
)

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
	last map[int]int
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
	// copy the subscriber list under the lock, deliver without it
	b.mu.Lock()
	subs := append([]*subscriber(nil), b.subs...)
	b.mu.Unlock()
	for _, s := range subs {
		s.events <- e
	}
}

func (b *broker) record(s *subscriber, e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last[s.id] = e.seq
}

// shutdown runs after the last publish has returned, so no send races the close.
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
		b.record(s, e)
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
		time.Sleep(10 * time.Millisecond)
	}
	b.shutdown()
	wg.Wait()
	for id := 1; id <= 3; id++ {
		if b.last[id] != 5 {
			t.Fatalf("subscriber %d recorded event %d, want 5", id, b.last[id])
		}
	}
}
