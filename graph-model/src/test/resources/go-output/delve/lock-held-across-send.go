package main

import (
	"sync"
	"time"
)

type store struct {
	mu    sync.Mutex
	items map[string]int
}

func (s *store) put(k string, v int, results chan<- int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[k] = v
	results <- v // nobody receives: blocks while holding the lock
}

func main() {
	s := &store{items: map[string]int{}}
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.put("k", i, results)
		}(i)
	}
	time.Sleep(100 * time.Millisecond)
	wg.Wait()
}
