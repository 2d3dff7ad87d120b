// A locked method calls another method that locks the same mutex.
package main

import "sync"

type store struct {
	mu    sync.Mutex
	items []int
}

func (s *store) size() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

func (s *store) add(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.size() > 10 { // locks s.mu again
		return
	}
	s.items = append(s.items, v)
}

func main() {
	s := &store{}
	s.add(1)
}
