package kernels_test

import (
	"sync"
	"testing"
)

// A value receiver copies the struct, mutex included: each call locks its
// own copy, so the shared map is not protected at all.
type stats struct {
	mu     sync.Mutex
	counts map[string]int
}

func (s stats) inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[k]++
}

func TestRaceMutexCopied(t *testing.T) {
	s := stats{counts: map[string]int{}}
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
}
