package main

import (
	"sync"
	"time"
)

type registry struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *registry) lookup(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.items[k]
}

// total holds the read lock and calls lookup, which takes it again.
func (r *registry) total(keys []string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	sum := 0
	for _, k := range keys {
		time.Sleep(10 * time.Millisecond)
		sum += r.lookup(k)
	}
	return sum
}

func (r *registry) set(k string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[k] = v
}

func main() {
	r := &registry{items: map[string]int{"a": 1, "b": 2}}
	go func() {
		for {
			r.total([]string{"a", "b"})
		}
	}()
	go func() {
		for i := 0; ; i++ {
			r.set("a", i)
			time.Sleep(time.Millisecond)
		}
	}()
	select {}
}
