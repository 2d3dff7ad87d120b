package kernels_test

import (
	"sync"
	"testing"
)

// Data race (Go before 1.22): every closure captures the one loop variable,
// which the loop keeps writing while the goroutines read it.
func TestRaceLoopVariable(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[int]bool{}
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[i] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	t.Log(len(seen))
}
