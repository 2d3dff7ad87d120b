package main

import (
	"fmt"
	"sync"
	"time"
)

type Registry struct {
	mu    sync.RWMutex
	names []string
}

// lenLocked expects the caller to hold the lock.
func (r *Registry) lenLocked() int { return len(r.names) }

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.lenLocked()
}

// Report takes the read lock once and uses the unlocked helper inside it.
func (r *Registry) Report() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	time.Sleep(50 * time.Millisecond)
	return fmt.Sprint(r.lenLocked(), " names")
}

func main() {
	r := &Registry{names: []string{"a"}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		time.Sleep(time.Millisecond)
		r.mu.Lock()
		r.names = append(r.names, "b")
		r.mu.Unlock()
	}()
	fmt.Println(r.Report())
	<-done
	fmt.Println("now", r.Len(), "names")
}
