package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu   sync.RWMutex
	data map[string]string
}

func (s *store) put(k, v string) error {
	s.mu.Lock()
	if k == "" {
		return fmt.Errorf("empty key") // returns with the write lock held
	}
	s.data[k] = v
	s.mu.Unlock()
	return nil
}

func (s *store) get(k string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data[k]
}

func main() {
	s := &store{data: map[string]string{}}
	_ = s.put("", "x")
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = s.get("a")
		}()
	}
	wg.Wait()
}
