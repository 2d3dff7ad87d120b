package kernels_test

import (
	"sync"
	"testing"
)

type stats struct {
	mu     sync.Mutex
	counts map[string]int
}

// A pointer receiver: every call locks the one mutex.
func (s *stats) inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[k]++
}

func TestRaceMutexCopied(t *testing.T) {
	s := &stats{counts: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				s.inc("k")
			}
		}()
	}
	wg.Wait()
	if s.counts["k"] != 100 {
		t.Fatal(s.counts["k"])
	}
}
