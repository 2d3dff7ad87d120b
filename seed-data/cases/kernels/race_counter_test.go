package kernels_test

import (
	"sync"
	"testing"
)

// Data race: a plain int incremented by several goroutines.
func TestRaceCounter(t *testing.T) {
	var wg sync.WaitGroup
	hits := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				hits++
			}
		}()
	}
	wg.Wait()
	t.Log(hits)
}
