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

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.names)
}

// Report holds the read lock and calls Len, which takes it again.
func (r *Registry) Report() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	time.Sleep(50 * time.Millisecond) // meanwhile a writer queues up
	// Bug: a pending Lock blocks new readers, and the writer waits for us.
	return fmt.Sprint(r.Len(), " names")
}

func main() {
	r := &Registry{names: []string{"a"}}
	go func() {
		time.Sleep(time.Millisecond)
		r.mu.Lock()
		r.names = append(r.names, "b")
		r.mu.Unlock()
	}()
	fmt.Println(r.Report())
}
